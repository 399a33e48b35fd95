package vn.signer.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Failed authentications per client address in fixed one-minute windows: once an address has failed
 * {@code limit} times in its window, it is blocked until the window ends, so API keys cannot be
 * guessed at the request rate and wrong keys cannot grow the audit log at will. A window is forgotten
 * when it ends; beyond {@value #MAX_ADDRESSES} addresses the least used are forgotten first, so the
 * table stays bounded and an address that keeps failing stays in it.
 */
public final class AuthFailures {
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
    static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES)
            .expireAfter(Expiry.<String, Window>writing((a, w) -> Duration.ofNanos(Math.max(0, WINDOW_NANOS - (System.nanoTime() - w.start())))))
            .build();

    public AuthFailures(int limit) {
        this.limit = limit;
    }

    private record Window(long start, int failures) {
    }

    /** Counts one failure of {@code address}. */
    public void failed(String address) {
        long now = System.nanoTime();
        windows.asMap().compute(address, (a, w) -> w == null || now - w.start() >= WINDOW_NANOS
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    /** How long {@code address} is still blocked for, or zero when it is not. */
    public Duration blocked(String address) {
        Window window = windows.getIfPresent(address);
        if (window == null || window.failures() < limit) {
            return Duration.ZERO;
        }
        long left = WINDOW_NANOS - (System.nanoTime() - window.start());
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** How many addresses are kept (after pending evictions), for the tests of the bound. */
    long tracked() {
        windows.cleanUp();
        return windows.estimatedSize();
    }
}
