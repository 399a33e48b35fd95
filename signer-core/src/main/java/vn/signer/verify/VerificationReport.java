package vn.signer.verify;

import java.time.Instant;
import java.util.List;

/**
 * The verification of one document: every signature's report and the document's verdict, which is
 * the worst of its signatures' (NO_SIGNATURE when it has none). A report whose verdict is not that one
 * cannot be made: over no signatures it is never VALID.
 *
 * @param file           the file name as given
 * @param format         PDF or XML
 * @param verdict        the document's verdict
 * @param signatures     one report per signature, in document order
 * @param validationTime when the verification was done
 * @throws IllegalArgumentException when {@code verdict} is not the one {@code signatures} give
 */
public record VerificationReport(String file, String format, Verdict verdict, List<SignatureReport> signatures,
                                 Instant validationTime) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
        if (verdict != of(signatures)) {
            throw new IllegalArgumentException("the verdict of " + signatures.size() + " signatures is " + of(signatures)
                    + ", not " + verdict);
        }
    }

    static Verdict of(List<SignatureReport> signatures) {
        return signatures.isEmpty() ? Verdict.NO_SIGNATURE : Verdict.worst(signatures.stream().map(SignatureReport::verdict).toList());
    }
}
