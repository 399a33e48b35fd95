package vn.signer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

class ReportPdfTest {

    static byte[] pdf(VerificationReport report, ReportDetails details, Words words) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(ReportSheet.of(report, details, words), out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        }
    }

    /** The sample signed by the demo officer, verified with the demo PKI. */
    static VerificationReport signedSample(Path dir) {
        Path signed = dir.resolve("cong-van-signed.pdf");
        try (Pkcs12KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults()).sign(Samples.pdf(dir), signed, false);
        }
        return DocumentVerifier.create(DemoPki.settings()).verify(signed);
    }

    @Test
    void aSignedDocumentsReportHoldsTheVerdictTheSignerAndTheHashInVietnameseAndInEnglish(@TempDir Path dir) throws IOException {
        VerificationReport report = signedSample(dir);
        assertEquals(Verdict.VALID, report.verdict());
        ReportDetails details = ReportDetails.of(ReportDetails.sha256(dir.resolve("cong-van-signed.pdf")), "demo", DemoPki.settings());
        String vi = text(pdf(report, details, Words.VIETNAMESE));
        assertTrue(vi.contains("Báo cáo kiểm tra chữ ký số"), vi);
        assertTrue(vi.contains("Chữ ký hợp lệ"), vi);
        assertTrue(vi.contains(DemoPki.OFFICER_NAME), vi);
        assertTrue(vi.contains("Phó Giám đốc"), vi);
        assertTrue(vi.replace("\n", "").contains(details.sha256()), vi);
        assertTrue(vi.contains("Lịch sử của văn bản"), vi);
        String en = text(pdf(report, details, Words.ENGLISH));
        assertTrue(en.contains("Signature verification report"), en);
        assertTrue(en.contains("Valid signature"), en);
        assertTrue(en.contains(DemoPki.OFFICER_NAME), en);
        assertTrue(en.replace("\n", "").contains(details.sha256()), en);
    }

    @Test
    void everyVerdictAndAHostileSubjectAreDrawnTextAsItIs() throws IOException {
        assertTrue(text(pdf(ReportSheets.unsigned(), ReportSheets.DETAILS, Words.VIETNAMESE)).contains("Không có chữ ký"));
        String invalid = text(pdf(ReportSheets.of(Verdict.INVALID, Remark.of("HASH_FAILURE")), ReportSheets.DETAILS, Words.VIETNAMESE));
        assertTrue(invalid.contains("Chữ ký không hợp lệ") && invalid.contains("KHÔNG được phép"), invalid);
        String hostile = text(pdf(ReportSheets.hostile(), ReportSheets.DETAILS, Words.ENGLISH));
        assertTrue(hostile.contains("<script>alert(1)</script>\\u202eevil\\u0007"), hostile);
    }

    @Test
    void aCharacterTheFontCannotDrawIsWrittenAsItsEscape() throws IOException {
        VerificationReport report = new VerificationReport("文件 😀.pdf", "PDF", Verdict.NO_SIGNATURE, List.of(), ReportSheets.CHECKED);
        String text = text(pdf(report, ReportSheets.DETAILS, Words.ENGLISH));
        assertTrue(text.contains("\\u6587\\u4ef6 \\U0001f600.pdf"), text);
    }

    @Tag("native")
    @Test
    void pdfinfoReadsTheReport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf(ReportSheets.valid(), ReportSheets.DETAILS, Words.VIETNAMESE));
        Tools.Result info = Tools.run(List.of("pdfinfo", file.toString()));
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.stdout().contains("Title:") && info.stdout().contains("Báo cáo kiểm tra chữ ký số"), info.stdout());
        Tools.Result text = Tools.run(List.of("pdftotext", file.toString(), "-"));
        assertTrue(text.stdout().contains("Chữ ký hợp lệ") && text.stdout().contains("Đặng Thị Phượng"), text.stdout());
    }
}
