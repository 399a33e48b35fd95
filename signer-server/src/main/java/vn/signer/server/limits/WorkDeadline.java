package vn.signer.server.limits;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a request's signing or verification on a worker thread and stops it when its deadline passes
 * or its client has gone: the request's thread waits for the work, looking at the client's connection
 * every {@link #POLL}, and on either interrupts the worker (signer-core's verification stops at its
 * next stage or page, see {@code vn.signer.work.Cancellation}) and answers at once. The work's slot
 * is given back only once the worker has really ended, so a slot never stands for work still running.
 */
public final class WorkDeadline implements AutoCloseable {
    /** How often a waiting request looks at its client's connection. */
    static final Duration POLL = Duration.ofMillis(20);

    private final Duration deadline;
    private final ExecutorService workers;

    public WorkDeadline(Duration deadline) {
        this.deadline = deadline;
        this.workers = Executors.newCachedThreadPool(new Workers());
    }

    /** Why work was stopped. */
    public enum Reason { DEADLINE, CLIENT_GONE }

    /** Work stopped before its end; the request's answer says why. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final Reason reason;

        Stopped(Reason reason) {
            super(reason == Reason.DEADLINE ? "the work passed its deadline" : "the client closed its connection", null,
                    false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The deadline of each request's work. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Runs {@code work} and returns what it returns, or throws what it throws (errors of the JVM
     * included, so that the request's own handling of them applies).
     *
     * @param client  the request's client connection, looked at while the work runs
     * @param release gives back the work's slot; called once, when the worker has ended, however it ended
     * @throws Stopped when the deadline passed or the client went first; the worker is interrupted then
     */
    public <T> T run(Callable<T> work, ClientConnection client, Runnable release) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        Future<T> future;
        try {
            future = workers.submit(() -> {
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            throw e;
        }
        try {
            while (true) {
                try {
                    return future.get(Math.max(1, Math.min(end - System.nanoTime(), POLL.toNanos())), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Work that has ended is answered even a moment past its deadline: only running work is stopped.
                    if (System.nanoTime() - end >= 0) {
                        throw stop(future, Reason.DEADLINE);
                    }
                    if (client.gone()) {
                        throw stop(future, Reason.CLIENT_GONE);
                    }
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static Stopped stop(Future<?> future, Reason reason) {
        future.cancel(true);
        return new Stopped(reason);
    }

    private static Exception rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }

    /** Interrupts what still runs; called once requests in flight have had their grace period. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "signer-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
