package vn.signer.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Profile labels come from the configuration only: names callers make up add no time series. */
class ServerMetricsTest {
    @Test
    void unknownProfilesShareOneLabel() {
        ServerMetrics metrics = new ServerMetrics(Set.of("organisation"), () -> 0);
        for (int i = 0; i < 100_000; i++) {
            metrics.signature("made-up-" + i, "FORBIDDEN");
        }
        metrics.signature("organisation", "signed");
        String scrape = metrics.scrape();
        long series = scrape.lines().filter(l -> l.startsWith("signer_signatures_total{")).count();
        assertEquals(2, series, scrape);
        assertTrue(scrape.contains("signer_signatures_total{outcome=\"FORBIDDEN\",profile=\"unknown\"} 100000.0"), scrape);
        assertTrue(scrape.contains("signer_signatures_total{outcome=\"signed\",profile=\"organisation\"} 1.0"), scrape);
    }
}
