package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.signer.report.Remark;
import vn.signer.report.Words;

/**
 * When DSS cannot process a signature, its English text is only a quoted detail inside signer's own
 * sentence, in the reader's language: NFC, controls escaped and cut short, since a crafted document
 * can put its own text into DSS's message.
 */
class DssDetailTest {

    @Test
    void dssTextIsAnEscapedBoundedDetail() {
        String crafted = "bad field\n[INFO] VALID\u202e" + "Cu\u0301" + "x".repeat(1000);
        String detail = DssReasons.detail(new IllegalStateException(crafted));
        assertTrue(detail.startsWith("bad field\\n[INFO] VALID\\u202eCú"), detail);
        assertFalse(detail.contains("\n") || detail.contains("\u202e"), detail);
        assertEquals(DssReasons.DETAIL_LIMIT + 1, detail.length(), detail);
        assertEquals("NullPointerException", DssReasons.detail(new NullPointerException()));
    }

    @Test
    void theReasonIsSignersSentenceInEachLanguageAroundTheQuotedDetail() {
        String detail = DssReasons.detail(new RuntimeException("Unable to parse the ByteRange"));
        Remark pdf = Remark.of("pdf.unprocessable", "Signature1", detail);
        Remark xml = Remark.of("xml.unprocessable", detail);
        for (Remark reason : new Remark[] {pdf, xml}) {
            String vi = Words.VIETNAMESE.text(reason);
            String en = Words.ENGLISH.text(reason);
            assertTrue(vi.startsWith("không xử lý được") && vi.endsWith("báo bằng tiếng Anh: \"Unable to parse the ByteRange\""), vi);
            assertTrue(en.contains("could not be processed") && en.endsWith("said, in English: \"Unable to parse the ByteRange\""), en);
            // The Vietnamese sentence holds no English but the quoted detail.
            assertFalse(vi.replace("\"Unable to parse the ByteRange\"", "").matches(".*\\b[a-z]{3,} [a-z]{3,}\\b.*"), vi);
        }
    }
}
