package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

class PinCallbackTest {

    @Test
    void anUnattendedPinIsGivenUntilTheTokensFinalTry() {
        AtomicInteger reads = new AtomicInteger();
        PinCallback pin = PinCallback.unattended(() -> {
            reads.incrementAndGet();
            return "123456".toCharArray();
        });
        for (TokenInfo.PinStatus status : new TokenInfo.PinStatus[] {TokenInfo.PinStatus.OK, TokenInfo.PinStatus.COUNT_LOW}) {
            assertArrayEquals("123456".toCharArray(), pin.pin(new PinRequest("token 't'", PinRequest.Kind.TOKEN_PIN, status)));
        }
        SignerException e = assertThrows(SignerException.class,
                () -> pin.pin(new PinRequest("token 't'", PinRequest.Kind.TOKEN_PIN, TokenInfo.PinStatus.FINAL_TRY)));
        assertEquals(ErrorCode.PIN_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().startsWith("token 't': one try left"), e.getMessage());
        assertEquals("let a person enter the PIN so that they confirm the last try, or log in once with the token's own tool",
                e.hint());
        assertEquals(2, reads.get(), "the PIN is not even read on the final try");
    }
}
