package vn.signer.server.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** /ready's probes: at most once per period, and no caller waits while one runs. */
class ReusedTest {
    private static final Duration PERIOD = Duration.ofSeconds(10);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void theValueIsWorkedOutOncePerPeriod() {
        AtomicInteger computed = new AtomicInteger();
        Reused<Integer> reused = new Reused<>(PERIOD, clock, computed::incrementAndGet, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, reused.get());
        }
        now.set(now.get().plus(PERIOD.minusMillis(1)));
        assertEquals(1, reused.get());
        now.set(now.get().plusMillis(1));
        assertEquals(2, reused.get());
        assertEquals(2, computed.get());
    }

    @Test
    void whileOneCallerWorksItOutTheOthersAreAnsweredAtOnce() throws Exception {
        List<CountDownLatch> started = List.of(new CountDownLatch(1), new CountDownLatch(1));
        List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1));
        AtomicInteger computed = new AtomicInteger();
        Reused<String> reused = new Reused<>(PERIOD, clock, () -> {
            int n = computed.incrementAndGet();
            started.get(n - 1).countDown();
            await(release.get(n - 1));
            return "checked " + n;
        }, "being checked");

        CompletableFuture<String> first = CompletableFuture.supplyAsync(reused::get);
        assertTrue(started.get(0).await(10, TimeUnit.SECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("being checked", reused.get()));
        release.get(0).countDown();
        assertEquals("checked 1", first.get(10, TimeUnit.SECONDS));

        // Stale now, and worked out again by one caller: the others get the last value meanwhile.
        now.set(now.get().plus(PERIOD));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(reused::get);
        assertTrue(started.get(1).await(10, TimeUnit.SECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("checked 1", reused.get()));
        release.get(1).countDown();
        assertEquals("checked 2", second.get(10, TimeUnit.SECONDS));
        assertEquals(2, computed.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
