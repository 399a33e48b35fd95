package vn.signer.server.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed authentications per client address in fixed one-minute windows: once an address has failed
 * {@code limit} times in its window, it is blocked until the window ends, so API keys cannot be
 * guessed at the request rate and wrong keys cannot grow the audit log at will.
 */
public final class AuthFailures {
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public AuthFailures(int limit) {
        this.limit = limit;
    }

    private record Window(long start, int failures) {
    }

    /** Counts one failure of {@code address}. */
    public void failed(String address) {
        long now = System.nanoTime();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w.start() >= WINDOW_NANOS);
        }
        // Still full of addresses failing this minute: new ones are not counted rather than the map grow.
        boolean full = windows.size() >= MAX_ADDRESSES;
        windows.compute(address, (a, w) -> {
            if (w == null) {
                return full ? null : new Window(now, 1);
            }
            return now - w.start() >= WINDOW_NANOS ? new Window(now, 1) : new Window(w.start(), w.failures() + 1);
        });
    }

    /** How long {@code address} is still blocked for, or zero when it is not. */
    public Duration blocked(String address) {
        Window window = windows.get(address);
        if (window == null || window.failures() < limit) {
            return Duration.ZERO;
        }
        long left = WINDOW_NANOS - (System.nanoTime() - window.start());
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
