package vn.signer.timestamp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which RFC 3161 timestamp authorities to use and how patiently. Government TSAs have been measured
 * at 2 to 131 s per request, hence the long default read timeout; each TSA is tried {@code 1 + retries}
 * times, waiting {@code backoff}, then twice that, between tries, before the next TSA is asked.
 *
 * @param urls           the TSAs, in order of preference (at least one)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer
 * @param retries        further tries of the same TSA after a failure
 * @param backoff        the wait before the first retry
 */
public record TsaSettings(List<URI> urls, Duration connectTimeout, Duration readTimeout, int retries, Duration backoff) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETRIES = 1;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);

    public TsaSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one TSA URL is needed");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("a TSA URL must be http or https: " + url);
            }
        }
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(backoff);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more");
        }
    }

    /** These TSAs with the default timeouts, retries and back-off. */
    public static TsaSettings of(List<URI> urls) {
        return new TsaSettings(urls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_RETRIES, DEFAULT_BACKOFF);
    }
}
