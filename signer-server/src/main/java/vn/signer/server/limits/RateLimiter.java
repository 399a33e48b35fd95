package vn.signer.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at the client's rate. Buckets
 * of anonymous callers are keyed by address. A bucket is forgotten once idle long enough to be full
 * again, which loses nothing; beyond {@value #MAX_BUCKETS} callers the least used are forgotten first, so
 * a flood of new addresses neither grows the table nor resets the limits of the callers it keeps.
 */
public final class RateLimiter {
    static final int MAX_BUCKETS = 10_000;

    private final double defaultRate;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(double defaultRate, int burst) {
        this.defaultRate = defaultRate;
        this.burst = burst;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS)
                .expireAfter(Expiry.accessing((String key, Bucket b) -> Duration.ofNanos(b.refillNanos))).build();
    }

    private static final class Bucket {
        /** How long an empty bucket takes to be full again. */
        private final long refillNanos;
        private double tokens;
        private long last;

        Bucket(double tokens, long now, long refillNanos) {
            this.tokens = tokens;
            this.last = now;
            this.refillNanos = refillNanos;
        }
    }

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @param rate the client's own rate, or null for the default
     * @return whether the request may go ahead
     */
    public boolean tryAcquire(String key, Double rate) {
        double perSecond = rate == null ? defaultRate : rate;
        long now = System.nanoTime();
        Bucket bucket = buckets.get(key, k -> new Bucket(burst, now, (long) Math.min(burst / Math.max(perSecond, 1e-9) * 1e9,
                Long.MAX_VALUE / 2.0)));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) / 1e9 * perSecond);
            bucket.last = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** How many callers' buckets are kept (after pending evictions), for the tests of the bound. */
    long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
