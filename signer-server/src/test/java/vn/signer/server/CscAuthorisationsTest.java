package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.signer.server.csc.Authorisations;
import vn.signer.server.csc.Authorisations.Refusal;

/**
 * The CSC service's SADs as an attacker would spend them: one client asking so many that the others
 * get none, a SAD used one second after it expired, replayed, spent by several requests at once, or
 * with its one hash given twice.
 */
class CscAuthorisationsTest {
    static final String HASH = "aa".repeat(32);
    static final Duration MINUTE = Duration.ofSeconds(60);

    final SplitSigningTest.MovableClock clock = new SplitSigningTest.MovableClock();

    static Refusal refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(Authorisations.Refused.class, call).refusal();
    }

    @Test
    void oneClientCannotTakeEveryAuthorisationFromTheOthers() throws Exception {
        Authorisations sads = new Authorisations(clock, 10, 3);
        for (int i = 0; i < 3; i++) {
            sads.grant("greedy", "organisation", Set.of(HASH), MINUTE);
        }
        assertEquals(Refusal.CLIENT_FULL, refusal(() -> sads.grant("greedy", "organisation", Set.of(HASH), MINUTE)));
        for (String client : List.of("b", "c")) {
            for (int i = 0; i < 3; i++) {
                sads.grant(client, "organisation", Set.of(HASH), MINUTE);
            }
        }
        sads.grant("d", "organisation", Set.of(HASH), MINUTE);
        assertEquals(Refusal.SERVER_FULL, refusal(() -> sads.grant("e", "organisation", Set.of(HASH), MINUTE)));
        clock.advance(MINUTE);
        sads.grant("greedy", "organisation", Set.of(HASH), MINUTE);
        assertEquals(1, sads.size(), "the expired ones are gone");
    }

    @Test
    void aSadExpiredByOneSecondIsRefused() throws Exception {
        Authorisations sads = new Authorisations(clock, 10, 10);
        String first = sads.grant("dms", "organisation", Set.of(HASH), MINUTE);
        String second = sads.grant("dms", "organisation", Set.of(HASH), MINUTE);
        clock.advance(MINUTE.minusSeconds(1));
        sads.spend(first, "dms", "organisation", List.of(HASH));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Refusal.EXPIRED, refusal(() -> sads.spend(second, "dms", "organisation", List.of(HASH))));
        assertEquals(Refusal.UNKNOWN, refusal(() -> sads.spend(second, "dms", "organisation", List.of(HASH))), "and it is gone");
    }

    @Test
    void aSadSignsItsHashOnceReplayedGivenTwiceOrSpentByManyAtOnce() throws Exception {
        Authorisations sads = new Authorisations(clock, 10, 10);
        String sad = sads.grant("dms", "organisation", Set.of(HASH), MINUTE);
        assertEquals(Refusal.OTHER_HASHES, refusal(() -> sads.spend(sad, "dms", "organisation", List.of(HASH, HASH))));
        assertEquals(Refusal.OTHER_CLIENT, refusal(() -> sads.spend(sad, "portal", "organisation", List.of(HASH))));
        assertEquals(Refusal.OTHER_CREDENTIAL, refusal(() -> sads.spend(sad, "dms", "officer", List.of(HASH))));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> spends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                spends.add(threads.submit(() -> {
                    go.await();
                    try {
                        sads.spend(sad, "dms", "organisation", List.of(HASH));
                        return true;
                    } catch (Authorisations.Refused e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int spent = 0;
            for (Future<Boolean> spend : spends) {
                spent += spend.get() ? 1 : 0;
            }
            assertEquals(1, spent, "one of eight requests at once signs");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Refusal.UNKNOWN, refusal(() -> sads.spend(sad, "dms", "organisation", List.of(HASH))), "replayed");
    }
}
