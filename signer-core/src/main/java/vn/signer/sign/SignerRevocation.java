package vn.signer.sign;

import vn.signer.Problem;

/**
 * The revocation status of a signer's certificate chain, as {@link Preflight#signerRevocation} found it.
 *
 * @param status  GOOD, REVOKED or UNKNOWN
 * @param problem what was found, in words: the good answer and its source, the revocation and its date,
 *                or why the status could not be established
 */
public record SignerRevocation(Status status, Problem problem) {
    /** What the revocation sources said. */
    public enum Status {
        /** Every certificate up to a trust anchor has a good status. */
        GOOD,
        /** A certificate of the chain is revoked. */
        REVOKED,
        /** The status could not be established (no anchor, no answer, no request made offline). */
        UNKNOWN
    }
}
