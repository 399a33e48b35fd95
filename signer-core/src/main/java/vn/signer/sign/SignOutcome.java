package vn.signer.sign;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.signer.document.DocumentFormat;

/**
 * What one signing or extension produced.
 *
 * @param input       the document signed (never modified); null when it was signed in memory
 * @param output      the signed file written; null when the signed document was written to a stream
 * @param format      PDF or XML
 * @param level       the level name, e.g. PAdES-BASELINE-B
 * @param signer      the signer's display name (null for an extension)
 * @param signingTime the signing time written into the signature, a claim that a timestamp proves
 *                    (null for an extension)
 * @param timestampAuthorities the TSAs that gave this signature its timestamps (none for B-B)
 * @param millis      wall time of the whole operation
 */
public record SignOutcome(Path input, Path output, DocumentFormat format, String level, String signer,
                          Instant signingTime, List<URI> timestampAuthorities, long millis) {

    public SignOutcome {
        timestampAuthorities = List.copyOf(timestampAuthorities);
    }
}
