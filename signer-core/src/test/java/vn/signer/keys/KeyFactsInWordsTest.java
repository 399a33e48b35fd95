package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.report.Remark;
import vn.signer.report.Words;
import vn.signer.testing.TestPki;

/**
 * How tokens, keys and the choice of them read inside a message is a fact (a code and its values),
 * worded in the reader's language: no English is assembled in core, so a Vietnamese reader never
 * meets "key label '...'" or "few tries remain" inside a Vietnamese sentence.
 */
class KeyFactsInWordsTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;

    @Test
    void everyDescriptionIsACodeWordedInBothLanguages() {
        TokenInfo token = new TokenInfo(0, 7L, "signer-demo", "0a1b", "SoftHSM", "v2", true, TokenInfo.PinStatus.OK);
        List<Remark> facts = List.of(token.describe(), KeySelector.only().describe(), KeySelector.label("ký số").describe(),
                KeySelector.id("0A").describe(), KeySelector.certificateSha256("ab".repeat(32)).describe(),
                TokenSelector.any().describe(), TokenSelector.slotIndex(2).describe(), TokenSelector.label("t").describe(),
                TokenSelector.serial("s").describe());
        for (Remark fact : facts) {
            String english = Words.ENGLISH.text(fact);
            String vietnamese = Words.VIETNAMESE.text(fact);
            assertNotEquals(english, vietnamese, fact + " reads the same in both languages");
            assertFalse(vietnamese.matches(".*\\b(key|token|slot|only|serial|label|index)\\b.*"), vietnamese);
        }
        assertEquals("thiết bị ký 'signer-demo' (khe số 0, số sê-ri 0a1b)", Words.VIETNAMESE.text(token.describe()));
    }

    @Test
    void aKeyNotFoundIsOneVietnameseSentenceWithTheKeysThere() throws Exception {
        TestPki pki = TestPki.create("facts");
        Path p12 = pki.signer("Nguyễn Văn A", "TEST").issue().writePkcs12(dir.resolve("a.p12"), "officer", "pw".toCharArray());
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, r -> "pw".toCharArray())) {
            SignerException e = assertThrows(SignerException.class, () -> source.key(KeySelector.label("nope")));
            assertEquals(ErrorCode.KEY_NOT_FOUND, e.code());
            String vi = e.problem().message(VI);
            assertTrue(vi.contains("nhãn khóa 'nope'") && vi.contains("khóa 'officer' của Nguyễn Văn A"), vi);
            assertFalse(vi.contains("key label") || vi.contains(" of "), vi);
            assertTrue(e.getMessage().contains("key label 'nope'") && e.getMessage().contains("key 'officer' of Nguyễn Văn A"),
                    e.getMessage());
        }
    }

    @Test
    void aRefusedPinSaysTheTokensWarningAsACodeOfItsOwn() {
        Remark token = new TokenInfo(0, 1L, "t", "s", "m", "v", true, TokenInfo.PinStatus.OK).describe();
        for (TokenInfo.PinStatus status : TokenInfo.PinStatus.values()) {
            if (status == TokenInfo.PinStatus.OK) {
                continue;
            }
            Problem refused = Problem.of("pin.refused." + status.name(), token);
            String english = refused.message(Locale.ROOT);
            String vietnamese = refused.message(VI);
            assertTrue(english.contains("refused the PIN"), english);
            assertTrue(vietnamese.contains("từ chối mã PIN") && !vietnamese.contains("PIN was") && !vietnamese.contains("tries"),
                    vietnamese);
            assertTrue(refused.hint(VI) != null && !refused.hint(VI).contains("check the PIN"), status.name());
        }
    }
}
