package vn.signer.net;

import java.time.Duration;

/**
 * How many requests the current operation of this thread may still make, and until when. A
 * verification runs in one thread from start to end, and one verifier serves many threads at once
 * (the server), so the count is kept per thread and started again by {@link #restart()} when an
 * operation begins.
 */
public final class RequestBudget {
    private final int maxRequests;
    private final long maxNanos;
    private final ThreadLocal<Operation> current = ThreadLocal.withInitial(Operation::new);

    /** The requests and network time of {@code policy}. */
    public RequestBudget(NetworkPolicy policy) {
        this.maxRequests = policy.maxRequests();
        this.maxNanos = policy.maxTime().toNanos();
    }

    /** Starts a new operation on this thread, with all its requests and time available. */
    public void restart() {
        Operation operation = current.get();
        operation.requests = 0;
        operation.started = System.nanoTime();
    }

    /** Counts one request, or refuses it when this operation has used its requests or its time. */
    void take(String url) {
        Operation operation = current.get();
        if (operation.requests >= maxRequests) {
            throw new FetchRefused("refused " + url + ": this verification has made its " + maxRequests + " requests");
        }
        if (System.nanoTime() - operation.started > maxNanos) {
            throw new FetchRefused("refused " + url + ": this verification has spent its "
                    + Duration.ofNanos(maxNanos).toSeconds() + " s on the network");
        }
        operation.requests++;
    }

    /** One thread's operation: requests made, and when it started. */
    private static final class Operation {
        int requests;
        long started = System.nanoTime();
    }
}
