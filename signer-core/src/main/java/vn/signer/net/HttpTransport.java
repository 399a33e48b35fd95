package vn.signer.net;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * DSS's HTTP loader made to fetch one address and nothing else: no redirects of its own (the gate
 * follows them after checking each address), answers read by {@link CappedAnswer}, connect and read
 * timeouts, and, unless private addresses are allowed, a resolver that refuses non-public hosts.
 */
final class HttpTransport extends CommonsDataLoader {
    private static final long serialVersionUID = 1L;

    private final boolean allowPrivateAddresses;

    HttpTransport(int maxBytes, Duration connectTimeout, Duration readTimeout, boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        setRedirectsEnabled(false);
        setTimeoutConnection(millis(connectTimeout));
        setTimeoutConnectionRequest(millis(connectTimeout));
        setTimeoutResponse(millis(readTimeout));
        setTimeoutSocket(millis(readTimeout));
        // The whole answer gets twice the read timeout: each read waits at most readTimeout, and a
        // server that sends a byte just before that, again and again, must not hold on for ever.
        setHttpClientResponseHandler(new CappedAnswer(maxBytes, readTimeout.multipliedBy(2)));
    }

    /** DSS's connection manager with one change: the resolver, when private addresses are refused. */
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
        return builder.build();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
