package vn.signer.batch;

import java.time.Duration;
import java.util.List;

/**
 * The end of a batch.
 *
 * @param total    documents in the batch
 * @param signed   documents written now
 * @param skipped  documents whose output an earlier run had written
 * @param failed   the documents that failed, with their reasons
 * @param elapsed  wall time of the whole batch
 */
public record BatchSummary(int total, int signed, int skipped, List<BatchResult> failed, Duration elapsed) {

    public BatchSummary {
        failed = List.copyOf(failed);
    }

    /** Documents per second over the whole batch. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : (signed + skipped) / seconds;
    }
}
