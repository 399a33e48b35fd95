package vn.signer.batch;

import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.sign.SignOutcome;

/**
 * What happened to one document of a batch.
 *
 * @param input   the document
 * @param output  its output file
 * @param status  SIGNED (written now), SKIPPED (the output was already done by an earlier run) or FAILED
 * @param outcome what the signing produced, or null unless SIGNED
 * @param error   why it failed, or null
 * @param message the failure in plain words, or null
 * @param millis  time spent on it
 */
public record BatchResult(Path input, Path output, Status status, SignOutcome outcome, ErrorCode error, String message,
                          long millis) {

    /** The three ends of a document in a batch. */
    public enum Status { SIGNED, SKIPPED, FAILED }
}
