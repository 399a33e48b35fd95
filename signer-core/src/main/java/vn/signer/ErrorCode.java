package vn.signer;

/**
 * Stable codes for everything that can go wrong in signer. The command line maps them to exit codes
 * and the server to HTTP statuses, each in one place; scripts and integrators may rely on the names.
 */
public enum ErrorCode {
    /** The caller asked for something that does not make sense (conflicting or missing options). */
    USAGE,
    /** An input file exists but its content cannot be used (not a PDF or XML, corrupt, dangerous). */
    BAD_INPUT,
    /** An input file, key file, PKCS#11 module or trust file does not exist. */
    INPUT_MISSING,
    /** Reading or writing failed at the operating-system level. */
    IO,
    /** The output exists already and overwriting was not requested. */
    OUTPUT_EXISTS,
    /** The token or key store refused the PIN or password. */
    PIN_REFUSED,
    /** The token is locked (too many wrong PINs); nothing was tried. */
    TOKEN_LOCKED,
    /** No PIN could be obtained (no terminal and no PIN source). */
    PIN_UNAVAILABLE,
    /** The PKCS#11 module, slot or token could not be found or used. */
    TOKEN_UNAVAILABLE,
    /** No key matches the selection, or the selection is ambiguous. */
    KEY_NOT_FOUND,
    /** The signing certificate must not be used to sign now (expired, wrong key usage, ...). */
    CERTIFICATE_UNUSABLE,
    /** The document is of a supported kind but cannot be signed as it is. */
    NOT_SIGNABLE,
    /** No timestamp authority gave a timestamp (each one's answer is in the message). */
    TIMESTAMP_FAILED,
    /**
     * The requested level cannot be reached with this key and these settings: a chain link or
     * revocation data is missing, or the level needs the network and the run is offline.
     */
    LEVEL_UNREACHABLE,
    /** The signature could not be produced (the token or the signing library failed). */
    SIGNING_FAILED,
    /**
     * A signature value brought to a prepared signature was refused before anything was written: it
     * does not verify with the signer's certificate, is not in the expected encoding, or the prepared
     * signature was completed already.
     */
    SIGNATURE_VALUE_REFUSED,
    /** The document could not be verified at all (not its signatures: the process). */
    VERIFICATION_FAILED,
    /** The holder of a remote key refused the signature (on the phone, say). */
    REMOTE_REFUSED,
    /** The holder of a remote key did not confirm in time, or the authorisation expired. */
    REMOTE_EXPIRED,
    /** The remote signing service refused the PIN or the one-time password. */
    REMOTE_OTP_REFUSED
}
