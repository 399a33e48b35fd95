package vn.signer.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The server's Prometheus metrics: requests and their latencies per route and status, signatures per
 * profile and outcome, errors by kind, and JVM memory and threads.
 */
public final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServerMetrics() {
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

    public void signature(String profile, String outcome) {
        Counter.builder("signer_signatures").description("Signing requests per profile and outcome")
                .tag("profile", profile).tag("outcome", outcome).register(registry).increment();
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
