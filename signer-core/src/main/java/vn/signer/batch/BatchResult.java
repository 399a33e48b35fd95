package vn.signer.batch;

import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.sign.SignOutcome;

/**
 * What happened to one document of a batch.
 *
 * @param input   the document
 * @param output  its output file
 * @param status  SIGNED (written now), SKIPPED (the output was already done by an earlier run) or FAILED
 * @param outcome what the signing produced, or null unless SIGNED
 * @param failure why it failed, or null
 * @param millis  time spent on it
 */
public record BatchResult(Path input, Path output, Status status, SignOutcome outcome, SignerException failure, long millis) {

    /** The failure's code, or null. */
    public ErrorCode error() {
        return failure == null ? null : failure.code();
    }

    /** The failure in one line, or null. */
    public String message() {
        return failure == null ? null : failure.oneLine();
    }

    /** The three ends of a document in a batch. */
    public enum Status { SIGNED, SKIPPED, FAILED }
}
