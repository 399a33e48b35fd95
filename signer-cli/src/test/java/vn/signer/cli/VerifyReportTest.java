package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.ReportDetails;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;

/** 'signer verify --report FILE.pdf': the PDF report to keep, in the messages' language, written safely. */
class VerifyReportTest {
    @TempDir
    static Path dir;
    static Path signed;

    @BeforeAll
    static void sign() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), pdf));
        assertEquals(0, run.exit(), run.toString());
        signed = dir.resolve("cong-van-mau-signed.pdf");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        }
    }

    @Test
    void theReportSaysTheVerdictTheSignerAndTheHashInVietnamese() throws IOException {
        Path report = dir.resolve("bao-cao.pdf");
        Cli.Run run = Cli.run(args("--lang", "vi", "verify", Cli.demoTrust(), "--report", report, signed));
        assertEquals(0, run.exit(), run.toString());
        String text = text(report);
        assertTrue(text.contains("Báo cáo kiểm tra chữ ký số") && text.contains("Chữ ký hợp lệ"), text);
        assertTrue(text.contains(DemoPki.OFFICER_NAME), text);
        assertTrue(text.replace("\n", "").contains(ReportDetails.sha256(signed)), text);
        assertTrue(text.contains("signer DEMO Root CA"), "the trusted roots are named: " + text);
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void inEnglishWhenTheMessagesAreEnglish() throws IOException {
        Path report = dir.resolve("report-en.pdf");
        Cli.Run run = Cli.run(args("--lang", "en", "verify", Cli.demoTrust(), "--report", report, signed));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(text(report).contains("Signature verification report"));
        assertTrue(text(report).contains("Valid signature"));
    }

    @Test
    void aReportOfAnUnsignedDocumentSaysSoAndTheExitCodeIsTheVerdicts() throws IOException {
        Path report = dir.resolve("unsigned-report.pdf");
        Cli.Run run = Cli.run(args("--lang", "vi", "verify", Cli.demoTrust(), "--report", report, Cli.copy(Cli.SAMPLE_PDF, Files.createDirectories(dir.resolve("u")))));
        assertEquals(ExitCodes.of(vn.signer.verify.Verdict.NO_SIGNATURE), run.exit(), run.toString());
        assertTrue(text(report).contains("Không có chữ ký"));
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        Path existing = Files.writeString(dir.resolve("keep.pdf"), "mine");
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--report", existing, signed));
        assertEquals(ExitCodes.CANT_CREATE, run.exit(), run.toString());
        assertEquals("mine", Files.readString(existing));
    }

    @Test
    void theDocumentItselfIsRefusedAsTheReportAndLeftAsItIs() throws IOException {
        byte[] before = Files.readAllBytes(signed);
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--report", signed, signed));
        assertEquals(ExitCodes.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("is the document being verified"), run.err());
        assertArrayEquals(before, Files.readAllBytes(signed));
    }

    @Test
    void aReportIsAboutOneDocument() {
        Path report = dir.resolve("many.pdf");
        Cli.Run run = Cli.run(args("--lang", "vi", "verify", Cli.demoTrust(), "--report", report, signed, signed));
        assertEquals(ExitCodes.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("báo cáo chỉ dành cho một văn bản"), run.err());
        assertFalse(Files.exists(report));
    }
}
