package vn.signer.net;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * DSS's HTTP loader made to fetch one address and nothing else: no redirects of its own (the gate
 * follows them after checking each address), no retries, answers read by {@link CappedAnswer},
 * connect and read timeouts, a deadline for the whole request, and, unless private addresses are
 * allowed, a resolver that refuses non-public hosts.
 */
final class HttpTransport extends CommonsDataLoader {
    private static final long serialVersionUID = 1L;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "signer-request-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final boolean allowPrivateAddresses;
    private final Duration deadline;

    HttpTransport(int maxBytes, Duration connectTimeout, Duration readTimeout, boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        // The read timeout bounds each read, not the request: a server that sends a byte just before
        // it, again and again (headers included), must not hold on for ever.
        this.deadline = connectTimeout.plus(readTimeout.multipliedBy(2));
        setRedirectsEnabled(false);
        setTimeoutConnection(millis(connectTimeout));
        setTimeoutConnectionRequest(millis(connectTimeout));
        setTimeoutResponse(millis(readTimeout));
        setTimeoutSocket(millis(readTimeout));
        setHttpClientResponseHandler(new CappedAnswer(maxBytes));
        // One request counted is one request made: the gate and its callers decide about retries.
        setRetryStrategy(new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS));
    }

    /**
     * DSS's connection manager with the resolver, when private addresses are refused, and the
     * request's deadline. CommonsDataLoader makes a manager for each request and closes it when the
     * request ends; closing it at the deadline drops the connection, whatever the request waits for.
     */
    @Override
    protected HttpClientConnectionManager getConnectionManager() {
        PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(getTlsSocketStrategy())
                .setDefaultSocketConfig(getSocketConfig())
                .setMaxConnTotal(getConnectionsMaxTotal())
                .setMaxConnPerRoute(getConnectionsMaxPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(getTimeoutConnection()))
                        .setTimeToLive(TimeValue.ofMilliseconds(getConnectionTimeToLive()))
                        .build());
        if (!allowPrivateAddresses) {
            builder.setDnsResolver(new CheckedDnsResolver());
        }
        PoolingHttpClientConnectionManager manager = builder.build();
        DEADLINES.schedule(() -> manager.close(CloseMode.IMMEDIATE), deadline.toMillis(), TimeUnit.MILLISECONDS);
        return manager;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
