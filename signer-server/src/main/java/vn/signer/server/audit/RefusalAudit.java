package vn.signer.server.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.signer.audit.AuditEntry;
import vn.signer.audit.AuditLog;

/**
 * Audits refused and failed requests with the log's growth bounded: the first refusal of a kind (same
 * client or address, action and outcome) is written at once; the same refusal repeated within the
 * next second is only counted, and written once that second is over as one line, the last of them,
 * with {@code "repeated": N} for the N it stands for. Anyone who can reach the server could otherwise
 * grow its audit log at their request rate (wrong API keys, a server kept busy).
 */
public final class RefusalAudit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);
    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final AuditLog log;
    private final ScheduledExecutorService flusher;
    private final Map<Kind, Fold> folds = new HashMap<>();

    private record Kind(String client, String action, String outcome) {
    }

    /** The refusals of one kind counted since its last line. */
    private static final class Fold {
        private final long windowStart;
        private long repeated;
        private AuditEntry last;

        Fold(long windowStart) {
            this.windowStart = windowStart;
        }
    }

    public RefusalAudit(AuditLog log) {
        this.log = log;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "signer-refusal-audit");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushEnded, 1, 1, TimeUnit.SECONDS);
    }

    /** Audits one refusal, or counts it when the same one was written less than a second ago. */
    public synchronized void refused(AuditEntry entry) {
        Kind kind = new Kind(entry.client(), entry.action(), entry.outcome());
        long now = System.nanoTime();
        Fold fold = folds.get(kind);
        if (fold != null && now - fold.windowStart < WINDOW_NANOS) {
            fold.repeated++;
            fold.last = entry;
            return;
        }
        if (fold != null) {
            writeFolded(fold);
        }
        log.append(entry);
        folds.put(kind, new Fold(now));
    }

    /** Writes the line of every kind whose second is over, and forgets it. */
    private synchronized void flushEnded() {
        try {
            flushEnded(System.nanoTime());
        } catch (RuntimeException e) {
            // Thrown out of the scheduled task, it would cancel every later flush without a word.
            LOG.error("cannot write folded refusals to the audit log: {}", e.getMessage());
        }
    }

    private void flushEnded(long now) {
        for (Iterator<Fold> it = folds.values().iterator(); it.hasNext(); ) {
            Fold fold = it.next();
            if (now - fold.windowStart >= WINDOW_NANOS) {
                writeFolded(fold);
                it.remove();
            }
        }
    }

    private void writeFolded(Fold fold) {
        if (fold.repeated > 0) {
            AuditEntry e = fold.last;
            log.append(new AuditEntry(e.time(), e.client(), e.action(), e.profile(), e.documentSha256(), e.outcome(),
                    e.detail(), fold.repeated));
        }
    }

    /** Writes what is still counted; the audit log itself is closed by its owner. */
    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        folds.values().forEach(this::writeFolded);
        folds.clear();
    }
}
