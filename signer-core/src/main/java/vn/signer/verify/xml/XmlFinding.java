package vn.signer.verify.xml;

import java.time.Instant;
import java.util.List;
import vn.signer.verify.Verdict;

/**
 * What signer's own reading of one {@code ds:Signature} element found, before and beside DSS: what its
 * references resolve to in the parsed document, and the problems that keep it from being VALID.
 *
 * @param signatureValue the decoded SignatureValue, to pair the element with DSS's signature
 * @param coversWhole    whether the signed content is the whole document (the root, or everything an
 *                       enveloping signature holds, or an external detached document)
 * @param profile        the known profile whose required elements the signature covers (e.g. "e-invoice"), or null
 * @param signingTime    the time claimed in Object/SignatureProperties/SignatureProperty/SigningTime, or null
 * @param certificateOffered whether KeyInfo holds a certificate (so a signature value that fails with it is INVALID)
 * @param refused        the signature must not reach DSS (an HMAC, an XSLT transform, a malformed signature)
 * @param problems       each a verdict it forces and the words saying why, most serious first
 */
public record XmlFinding(byte[] signatureValue, boolean coversWhole, String profile, Instant signingTime,
                         boolean certificateOffered, boolean refused, List<Problem> problems) {

    public XmlFinding {
        problems = List.copyOf(problems);
    }

    /**
     * One reason the signature cannot be VALID.
     *
     * @param verdict INVALID or INDETERMINATE
     * @param key     the key of its words in the Reasons bundle
     * @param args    the words' {0}, {1}...
     */
    public record Problem(Verdict verdict, String key, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }
    }

    /** The worst verdict the problems force; VALID when there are none. */
    public Verdict ceiling() {
        return Verdict.worst(problems.stream().map(Problem::verdict).toList());
    }
}
