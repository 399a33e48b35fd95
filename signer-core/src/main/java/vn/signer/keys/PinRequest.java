package vn.signer.keys;

import vn.signer.report.Remark;

/**
 * What a {@link PinCallback} is asked for.
 *
 * @param target  what the PIN unlocks, for the prompt: the token or the key file, worded in the reader's language
 * @param kind    a token's user PIN, a key file's password, or a remote credential's PIN or OTP
 * @param pinStatus what the token says about its PIN tries (always OK for a file)
 */
public record PinRequest(Remark target, Kind kind, TokenInfo.PinStatus pinStatus) {

    /** What is being asked for. */
    public enum Kind {
        /** The user PIN of a PKCS#11 token. */
        TOKEN_PIN,
        /** The password of a PKCS#12 file. */
        FILE_PASSWORD,
        /** The PIN a remote signing service asks to authorise signatures with a credential. */
        REMOTE_PIN,
        /** The one-time password a remote signing service asks (sent by SMS, or of an authenticator app). */
        REMOTE_OTP
    }
}
