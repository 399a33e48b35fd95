package vn.signer.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.files.AtomicOutput;
import vn.signer.keys.HashSigner;
import vn.signer.sign.SignOutcome;

/**
 * Runs one operation (signing or extending) over the documents of a batch on several threads.
 * Each output appears whole or not at all, so a batch killed at any moment can simply be run again:
 * documents already done are skipped (unless forced) and leftovers of interrupted writes are removed.
 * A document that cannot be processed is reported and the batch goes on; a failure of the key, the
 * token or a service stops it at once, before anything is done twice or PIN tries are burned.
 */
public final class BatchRunner {

    /** Processes one document. */
    @FunctionalInterface
    public interface Operation {
        SignOutcome apply(Path input, Path output, boolean overwrite);
    }

    /** Tells whether an existing output is already what this run would produce (so it is skipped). */
    @FunctionalInterface
    public interface DoneCheck {
        boolean isDone(Path input, Path output);
    }

    private final Operation operation;
    private final DoneCheck done;
    private final int jobs;
    private final boolean force;

    /**
     * @param jobs  documents processed at once (the key itself may accept fewer at a time)
     * @param force redo documents whose output exists, replacing it
     */
    public BatchRunner(Operation operation, DoneCheck done, int jobs, boolean force) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.operation = operation;
        this.done = done;
        this.jobs = jobs;
        this.force = force;
    }

    /**
     * {@link #run(List, BatchListener)}, telling {@code batching} (a remote key's) how many documents come
     * and when each is done, so that it asks one authorisation for the hashes of several.
     */
    public BatchSummary run(List<BatchItem> items, BatchListener listener, HashSigner.Batching batching) {
        return run(items, new BatchListener() {
            @Override
            public void started(int total) {
                batching.started(total, Math.min(jobs, Math.max(1, total)));
                listener.started(total);
            }

            @Override
            public void finished(BatchResult result) {
                batching.finished();
                listener.finished(result);
            }
        });
    }

    /**
     * Runs the batch. Per-document failures are in the summary.
     *
     * @throws SignerException the first failure that concerns the whole run (key, token, TSA, level)
     */
    public BatchSummary run(List<BatchItem> items, BatchListener listener) {
        long start = System.nanoTime();
        removeInterruptedWrites(items);
        listener.started(items.size());
        AtomicReference<SignerException> fatal = new AtomicReference<>();
        List<BatchResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, items.size())));
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (BatchItem item : items) {
                futures.add(pool.submit(() -> {
                    if (fatal.get() != null) {
                        return null;
                    }
                    BatchResult result = process(item, fatal);
                    if (result != null) {
                        synchronized (listener) {
                            listener.finished(result);
                        }
                    }
                    return result;
                }));
            }
            for (Future<BatchResult> future : futures) {
                BatchResult result = future.get();
                if (result != null) {
                    results.add(result);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(ErrorCode.IO, Problem.of("batch.interrupted"), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a batch worker failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        int signed = (int) results.stream().filter(r -> r.status() == BatchResult.Status.SIGNED).count();
        int skipped = (int) results.stream().filter(r -> r.status() == BatchResult.Status.SKIPPED).count();
        List<BatchResult> failed = results.stream().filter(r -> r.status() == BatchResult.Status.FAILED).toList();
        return new BatchSummary(items.size(), signed, skipped, failed, Duration.ofNanos(System.nanoTime() - start));
    }

    private BatchResult process(BatchItem item, AtomicReference<SignerException> fatal) {
        long start = System.nanoTime();
        try {
            // Not even --force may replace a folder with a document (a rename onto an empty one would).
            if (Files.isDirectory(item.output())) {
                throw new SignerException(ErrorCode.OUTPUT_EXISTS, Problem.of("output.isFolder", item.output().toString()));
            }
            if (!force && Files.exists(item.output())) {
                if (done.isDone(item.input(), item.output())) {
                    return new BatchResult(item.input(), item.output(), BatchResult.Status.SKIPPED, null, null, millis(start));
                }
                throw new SignerException(ErrorCode.OUTPUT_EXISTS, Problem.of("output.existsOther", item.output().toString()));
            }
            SignOutcome outcome = operation.apply(item.input(), item.output(), force);
            return new BatchResult(item.input(), item.output(), BatchResult.Status.SIGNED, outcome, null, millis(start));
        } catch (SignerException e) {
            if (!concernsOneDocument(e.code())) {
                fatal.compareAndSet(null, e);
                return null;
            }
            return new BatchResult(item.input(), item.output(), BatchResult.Status.FAILED, null, e, millis(start));
        } catch (RuntimeException e) {
            // A defect met on one document (ours or a library's) must not lose the rest of the batch's report.
            SignerException failure = new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("batch.unexpected",
                    item.input().toString(), e.getClass().getSimpleName(), String.valueOf(e.getMessage())), e);
            return new BatchResult(item.input(), item.output(), BatchResult.Status.FAILED, null, failure, millis(start));
        }
    }

    /**
     * One worker more than cores: while one document waits for the disk (each output is flushed) or for
     * the token, another uses the core. Measured on 2 cores: PKCS#12 unchanged, SoftHSM2 ~1.6× → ~2.2×
     * the naive loop (bench/README.md).
     */
    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    /** Failures that concern one document; anything else (the key, the token, the TSA) stops the run. */
    private static boolean concernsOneDocument(ErrorCode code) {
        return switch (code) {
            case BAD_INPUT, NOT_SIGNABLE, INPUT_MISSING, OUTPUT_EXISTS, USAGE, IO -> true;
            default -> false;
        };
    }

    /**
     * A run killed mid-write leaves temporary files beside its outputs; this run writes those outputs
     * again, so their leftovers go. Only temporary files of this batch's outputs are touched.
     */
    private static void removeInterruptedWrites(List<BatchItem> items) {
        Map<Path, Set<String>> prefixesByFolder = new HashMap<>();
        for (BatchItem item : items) {
            Path folder = item.output().toAbsolutePath().getParent();
            prefixesByFolder.computeIfAbsent(folder, f -> new HashSet<>()).add(AtomicOutput.temporaryPrefix(item.output()));
        }
        for (Map.Entry<Path, Set<String>> entry : prefixesByFolder.entrySet()) {
            if (!Files.isDirectory(entry.getKey())) {
                continue;
            }
            try (Stream<Path> files = Files.list(entry.getKey())) {
                for (Path file : files.filter(AtomicOutput::isTemporary).toList()) {
                    String name = file.getFileName().toString();
                    if (entry.getValue().stream().anyMatch(name::startsWith)) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                throw new SignerException(ErrorCode.IO, Problem.of("batch.cannotClean", entry.getKey().toString(),
                        String.valueOf(e.getMessage())), e);
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
