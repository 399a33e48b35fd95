package vn.signer.keys;

import java.util.function.Supplier;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Supplies a PIN or password when a key source needs one. It is asked at most once per opened key
 * source: signer never retries a PIN by itself, because tokens lock after a few wrong ones.
 * The returned array is wiped by the caller after use.
 */
@FunctionalInterface
public interface PinCallback {
    /**
     * @return the PIN; never null (throw a {@link vn.signer.SignerException} with
     *         {@link vn.signer.ErrorCode#PIN_UNAVAILABLE} when none can be had)
     */
    char[] pin(PinRequest request);

    /**
     * A PIN no person types (from an environment variable or a file), which therefore must not be the
     * one that locks the token: on the token's final try it is refused, and {@code pin} is not even read. Only the final try: tokens raise "count low" after a
     * single wrong PIN (SoftHSM2 does) and keep it until a good login, so refusing that too would shut
     * out every later unattended run.
     */
    static PinCallback unattended(Supplier<char[]> pin) {
        return request -> {
            if (request.pinStatus() == TokenInfo.PinStatus.FINAL_TRY) {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.of("pin.finalTry", request.target()));
            }
            return pin.get();
        };
    }
}
