package vn.signer.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A flood of distinct callers cannot grow the rate limiter's or the failed-login table without bound. */
class BoundedTablesTest {
    private static final int CALLERS = 100_000;

    @Test
    void theRateLimiterKeepsABoundedTableAndStillLimits() {
        RateLimiter limiter = new RateLimiter(1, 2);
        for (int i = 0; i < CALLERS; i++) {
            limiter.tryAcquire(address(i), null);
        }
        assertTrue(limiter.tracked() <= RateLimiter.MAX_BUCKETS, limiter.tracked() + " buckets");
        assertTrue(limiter.tryAcquire("10.0.0.1", null));
        assertTrue(limiter.tryAcquire("10.0.0.1", null));
        assertFalse(limiter.tryAcquire("10.0.0.1", null), "the burst of 2 is spent");
    }

    @Test
    void theFailedLoginsKeepABoundedTableAndStillBlock() {
        AuthFailures failures = new AuthFailures(3);
        for (int i = 0; i < CALLERS; i++) {
            failures.failed(address(i));
        }
        assertTrue(failures.tracked() <= AuthFailures.MAX_ADDRESSES, failures.tracked() + " addresses");
        for (int i = 0; i < 3; i++) {
            failures.failed("10.0.0.1");
        }
        Duration blocked = failures.blocked("10.0.0.1");
        assertTrue(blocked.compareTo(Duration.ZERO) > 0 && blocked.compareTo(Duration.ofMinutes(1)) <= 0, blocked.toString());
        assertEquals(Duration.ZERO, failures.blocked("10.0.0.2"));
    }

    private static String address(int i) {
        return "2001:db8::" + Integer.toHexString(i);
    }
}
