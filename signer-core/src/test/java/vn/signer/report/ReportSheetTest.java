package vn.signer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.signer.verify.Verdict;

class ReportSheetTest {

    private static ReportSheet vi(vn.signer.verify.VerificationReport report) {
        return ReportSheet.of(report, ReportSheets.DETAILS, Words.VIETNAMESE);
    }

    @Test
    void theFourVerdictsHaveTheGovernmentCaWordsAndAOneSentenceReason() {
        assertEquals("Chữ ký hợp lệ", vi(ReportSheets.valid()).headline());
        ReportSheet invalid = vi(ReportSheets.of(Verdict.INVALID, Remark.of("HASH_FAILURE")));
        assertEquals("Chữ ký không hợp lệ", invalid.headline());
        assertTrue(invalid.summary().startsWith("Chữ ký số 1 (Nguyễn Văn An (Bộ Ngoại giao)): "), invalid.summary());
        ReportSheet indeterminate = vi(ReportSheets.of(Verdict.INDETERMINATE, Remark.of("NO_CERTIFICATE_CHAIN_FOUND")));
        assertEquals("Không đủ thông tin xác thực", indeterminate.headline());
        assertTrue(indeterminate.summary().contains(Words.VIETNAMESE.text(Remark.of("NO_CERTIFICATE_CHAIN_FOUND"))));
        assertEquals("Không có chữ ký", vi(ReportSheets.unsigned()).headline());
        assertEquals("No signature", ReportSheet.of(ReportSheets.unsigned(), ReportSheets.DETAILS, Words.ENGLISH).headline());
        assertEquals("Invalid signature", ReportSheet.of(ReportSheets.of(Verdict.INVALID, Remark.of("HASH_FAILURE")),
                ReportSheets.DETAILS, Words.ENGLISH).headline());
    }

    @Test
    void theCardSaysWhoSignedForWhomTheClaimedAndTheProvenTimeAndCallsOutTheSevenHours() {
        ReportSheet.Card card = vi(ReportSheets.valid()).signatures().get(0);
        assertEquals("Đặng Thị Phượng", value(card, "Người ký"));
        assertEquals("Sở Khoa học và Công nghệ", value(card, "Cơ quan, tổ chức"));
        assertEquals("Phó Giám đốc", value(card, "Chức danh"));
        assertEquals("signer DEMO Issuing CA", value(card, "CA cấp chứng thư số"));
        assertEquals("C=VN,O=signer DEMO PKI,CN=signer DEMO Root CA", value(card, "CA gốc tin cậy"));
        assertEquals("01/12/2026 16:30:00 (giờ Việt Nam)", value(card, "Thời điểm ký (theo khai báo trong chữ ký)"));
        assertTrue(value(card, "Thời điểm ký (được chứng minh bằng dấu thời gian)").startsWith("01/12/2026 09:30:00"));
        ReportSheet.Fact mismatch = card.facts().stream().filter(f -> f.label().equals("Thời điểm ký không khớp")).findFirst().orElseThrow();
        assertTrue(mismatch.alert());
        assertTrue(mismatch.value().contains("7 giờ"), mismatch.value());
        assertTrue(card.notes().isEmpty(), "the mismatch is a fact of its own, not a note as well");
        assertEquals("chưa bị thu hồi, theo CRL (tệp CRL được cấu hình, lập lúc 27/11/2026 07:00:00 (giờ Việt Nam))",
                value(card, "Tình trạng thu hồi"));
        assertEquals("từ 01/01/2026 đến 01/01/2029", value(card, "Hiệu lực chứng thư số"));
    }

    @Test
    void aSignatureWithoutTheMismatchHasNoCallOut() {
        ReportSheet.Card card = vi(ReportSheets.of(Verdict.INVALID, Remark.of("HASH_FAILURE"))).signatures().get(0);
        assertFalse(card.facts().stream().anyMatch(f -> f.label().equals("Thời điểm ký không khớp")));
        assertEquals(List.of(Words.VIETNAMESE.text(Remark.of("HASH_FAILURE"))), card.reasons());
    }

    @Test
    void theTimelineSaysWhoSignedEachRevisionAndWhatChangedAfterItAllowedOrNot() {
        ReportSheet sheet = vi(ReportSheets.of(Verdict.INVALID, Remark.of("changes.pages", 2)));
        ReportSheet.Revision revision = sheet.timeline().get(0);
        assertTrue(revision.title().startsWith("Phiên bản 1: do Nguyễn Văn An (Bộ Ngoại giao) ký, 01/12/2026 09:30:00"), revision.title());
        ReportSheet.Change change = revision.changes().get(0);
        assertFalse(change.allowed());
        assertEquals("KHÔNG được phép", change.allowedText());
        assertEquals(Words.VIETNAMESE.text(Remark.of("pdf.unsigned.pageCount", 1, 2)), change.text());
        ReportSheet.Revision untouched = vi(ReportSheets.valid()).timeline().get(0);
        assertTrue(untouched.changes().isEmpty());
        assertEquals("Không có gì thay đổi sau chữ ký này.", untouched.nothing());
    }

    @Test
    void theDocumentFactsNameTheFileItsHashTheRootsAndThePolicy() {
        ReportSheet sheet = vi(ReportSheets.valid());
        assertEquals("cong-van.pdf", sheet.document().get(0).value());
        assertTrue(sheet.document().stream().anyMatch(f -> f.value().equals(ReportSheets.SHA256)));
        assertTrue(sheet.document().stream().anyMatch(f -> f.label().equals("CA gốc tin cậy")
                && f.value().contains("signer DEMO Root CA")));
        assertTrue(sheet.document().stream().anyMatch(f -> f.label().equals("Chính sách kiểm tra")));
    }

    @Test
    void documentTextIsNfcWithItsControlsEscaped() {
        ReportSheet.Card card = vi(ReportSheets.hostile()).signatures().get(0);
        assertEquals("<script>alert(1)</script>\\u202eevil\\u0007", value(card, "Người ký"));
        ReportSheet decomposed = vi(ReportSheets.report(ReportSheets.signature(Verdict.VALID,
                ReportSheets.certificate("Nguye\u0302\u0303n", "Bộ", null), ReportSheets.STAMPED, List.of(), List.of(), List.of())));
        assertEquals("Nguyễn", value(decomposed.signatures().get(0), "Người ký"));
    }

    private static String value(ReportSheet.Card card, String label) {
        return card.facts().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label))
                .value();
    }
}
