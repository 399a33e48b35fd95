package vn.signer.server.config;

/**
 * What one caller, and all of them together, may ask of the server.
 *
 * @param maxRequestBytes       the largest request body; larger ones get 413 (default 100 MB)
 * @param maxConcurrentRequests requests handled at once; more wait up to a second, then get 503 (default 16)
 * @param requestsPerSecond     each client's sustained rate; faster callers get 429 (default 50)
 * @param burst                 how many requests a client may make at once above that rate (default 100)
 * @param idleTimeoutSeconds    how long a connection may stay silent, so slow clients cannot hold threads (default 30)
 * @param shutdownGraceSeconds  how long requests in flight may take to finish on shutdown (default 30)
 */
public record LimitsConfig(Long maxRequestBytes, Integer maxConcurrentRequests, Double requestsPerSecond, Integer burst,
                           Integer idleTimeoutSeconds, Integer shutdownGraceSeconds) {

    static final LimitsConfig DEFAULTS = new LimitsConfig(null, null, null, null, null, null);

    public LimitsConfig {
        maxRequestBytes = maxRequestBytes == null ? 100L * 1024 * 1024 : maxRequestBytes;
        maxConcurrentRequests = maxConcurrentRequests == null ? 16 : maxConcurrentRequests;
        requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
        burst = burst == null ? 100 : burst;
        idleTimeoutSeconds = idleTimeoutSeconds == null ? 30 : idleTimeoutSeconds;
        shutdownGraceSeconds = shutdownGraceSeconds == null ? 30 : shutdownGraceSeconds;
        ServerConfig.require(maxRequestBytes > 0 && maxConcurrentRequests > 0 && requestsPerSecond > 0 && burst > 0
                && idleTimeoutSeconds > 0 && shutdownGraceSeconds >= 0, "limits: every limit must be positive");
    }
}
