package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.report.Remark;

class PinCallbackTest {

    @Test
    void anUnattendedPinIsGivenUntilTheTokensFinalTry() {
        AtomicInteger reads = new AtomicInteger();
        PinCallback pin = PinCallback.unattended(() -> {
            reads.incrementAndGet();
            return "123456".toCharArray();
        });
        for (TokenInfo.PinStatus status : new TokenInfo.PinStatus[] {TokenInfo.PinStatus.OK, TokenInfo.PinStatus.COUNT_LOW}) {
            assertArrayEquals("123456".toCharArray(), pin.pin(new PinRequest(Remark.of("keys.token", "t", 0, "s"), PinRequest.Kind.TOKEN_PIN, status)));
        }
        SignerException e = assertThrows(SignerException.class,
                () -> pin.pin(new PinRequest(Remark.of("keys.token", "t", 0, "s"), PinRequest.Kind.TOKEN_PIN, TokenInfo.PinStatus.FINAL_TRY)));
        assertEquals(ErrorCode.PIN_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().startsWith("token 't' (slot index 0, serial s): one try left"), e.getMessage());
        assertTrue(e.problem().message(java.util.Locale.forLanguageTag("vi")).startsWith("thiết bị ký 't' (khe số 0, số sê-ri s): "),
                e.problem().message(java.util.Locale.forLanguageTag("vi")));
        assertEquals("let a person enter the PIN so that they confirm the last try, or log in once with the token's own tool",
                e.hint());
        assertEquals(2, reads.get(), "the PIN is not even read on the final try");
    }
}
