package vn.signer.verify;

import java.util.Collection;
import java.util.Comparator;

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

    /**
     * The worst of several verdicts: INVALID over INDETERMINATE over NO_SIGNATURE over VALID; VALID
     * for none. The document's verdict and the command line's exit code both follow this order.
     */
    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().max(Comparator.comparingInt(Verdict::severity)).orElse(VALID);
    }

    private int severity() {
        return switch (this) {
            case VALID -> 0;
            case NO_SIGNATURE -> 1;
            case INDETERMINATE -> 2;
            case INVALID -> 3;
        };
    }
}
