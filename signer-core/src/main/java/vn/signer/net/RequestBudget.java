package vn.signer.net;

/**
 * How many requests the current operation of this thread may still make. A verification runs in
 * one thread from start to end, and one verifier serves many threads at once (the server), so the
 * count is kept per thread and started again by {@link #restart()} when an operation begins.
 */
public final class RequestBudget {
    private final int max;
    private final ThreadLocal<int[]> used = ThreadLocal.withInitial(() -> new int[1]);

    public RequestBudget(int max) {
        this.max = max;
    }

    /** Starts a new operation on this thread, with all {@code max} requests available. */
    public void restart() {
        used.get()[0] = 0;
    }

    /** Counts one request, or refuses it when this operation has made {@code max} already. */
    void take(String url) {
        int[] count = used.get();
        if (count[0] >= max) {
            throw new FetchRefused("refused " + url + ": this verification has made its " + max + " requests");
        }
        count[0]++;
    }
}
