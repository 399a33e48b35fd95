package vn.signer.server.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at the client's rate. Buckets
 * of anonymous callers are keyed by address; idle buckets are full and are dropped when the map grows.
 */
public final class RateLimiter {
    private static final int MAX_BUCKETS = 10_000;

    private final double defaultRate;
    private final int burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double defaultRate, int burst) {
        this.defaultRate = defaultRate;
        this.burst = burst;
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
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
        if (buckets.size() > MAX_BUCKETS) {
            // Forget only callers idle long enough to have refilled: wiping every bucket would let anyone
            // with many addresses reset everyone's limit.
            long idle = (long) (burst / Math.max(perSecond, 1e-9) * 1e9);
            buckets.values().removeIf(b -> {
                synchronized (b) {
                    return now - b.last > idle;
                }
            });
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
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
}
