package vn.signer.sign;

import java.nio.file.Path;
import java.time.Instant;
import vn.signer.document.DocumentFormat;

/**
 * What one signing produced.
 *
 * @param input       the document signed (never modified)
 * @param output      the signed file written
 * @param format      PDF or XML
 * @param level       the level name, e.g. PAdES-BASELINE-B
 * @param signer      the signer's display name
 * @param signingTime the signing time written into the signature
 * @param millis      wall time of the whole operation
 */
public record SignOutcome(Path input, Path output, DocumentFormat format, String level, String signer,
                          Instant signingTime, long millis) {
}
