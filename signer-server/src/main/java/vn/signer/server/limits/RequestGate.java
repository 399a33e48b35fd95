package vn.signer.server.limits;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many requests run at once, and lets requests in flight finish on shutdown: once closed,
 * it admits nothing more and {@link #drain} waits for those inside.
 */
public final class RequestGate {
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(1);

    private final int permits;
    private final Semaphore semaphore;
    private volatile boolean closed;

    public RequestGate(int permits) {
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
    }

    /** Whether a request may start; one that may must call {@link #leave()} when done. */
    public boolean enter() throws InterruptedException {
        return !closed && semaphore.tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void leave() {
        semaphore.release();
    }

    public boolean closed() {
        return closed;
    }

    /** Admits no more requests and waits up to {@code grace} for those in flight; says whether all finished. */
    public boolean drain(Duration grace) throws InterruptedException {
        closed = true;
        if (semaphore.tryAcquire(permits, grace.toMillis(), TimeUnit.MILLISECONDS)) {
            semaphore.release(permits);
            return true;
        }
        return false;
    }
}
