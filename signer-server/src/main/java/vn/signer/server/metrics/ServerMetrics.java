package vn.signer.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics: requests and their latencies per route and status, signatures per
 * profile and outcome, errors by kind, and JVM memory and threads. Every label value comes from a
 * fixed set (routes, configured profiles, error codes), never from what a caller sent: each new value
 * would be a new time series kept for the life of the process.
 */
public final class ServerMetrics {
    /** The profile label of a request naming no configured profile. */
    public static final String UNKNOWN_PROFILE = "unknown";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Set<String> profiles;

    /**
     * @param profiles      the configured signing profiles' names, the only profile labels
     * @param splitSessions the split-signing sessions open now
     */
    public ServerMetrics(Set<String> profiles, IntSupplier splitSessions) {
        this.profiles = Set.copyOf(profiles);
        Gauge.builder("signer_split_sessions", splitSessions::getAsInt)
                .description("Split-signing sessions prepared and waiting for their signature values").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** One request handled; {@code route} is the route pattern (or "unmatched"), never the raw path. */
    public void request(String method, String route, int status, Duration time) {
        Timer.builder("signer_http_requests").description("HTTP requests handled")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentiles(0.5, 0.99)
                .register(registry).record(time);
    }

    /** One signing request answered; a profile that is not configured counts as {@value #UNKNOWN_PROFILE}. */
    public void signature(String profile, String outcome) {
        Counter.builder("signer_signatures").description("Signing requests per profile and outcome")
                .tag("profile", profiles.contains(profile) ? profile : UNKNOWN_PROFILE).tag("outcome", outcome).register(registry).increment();
    }

    public void error(String kind) {
        Counter.builder("signer_errors").description("Error answers by kind")
                .tag("kind", kind).register(registry).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
