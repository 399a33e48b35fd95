package vn.signer.verify;

/**
 * The answer for a signature or a document, matching ETSI EN 319 102-1 and the three verdicts of the
 * Government CA's own tools. A signature is VALID only when every check was done and passed.
 */
public enum Verdict {
    /** Every check was done and passed ("Chữ ký hợp lệ"). */
    VALID,
    /** A check failed: the document or the signature cannot be relied on ("Chữ ký không hợp lệ"). */
    INVALID,
    /** Something could not be established, e.g. revocation or trust; the reasons say what ("Không đủ thông tin xác thực"). */
    INDETERMINATE,
    /** A document only: it carries no signature. */
    NO_SIGNATURE;

    /** How bad this is, for taking the worst of several. */
    int severity() {
        return switch (this) {
            case VALID -> 0;
            case INDETERMINATE -> 1;
            case INVALID -> 2;
            case NO_SIGNATURE -> 3;
        };
    }
}
