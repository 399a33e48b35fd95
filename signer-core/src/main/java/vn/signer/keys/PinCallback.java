package vn.signer.keys;

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
}
