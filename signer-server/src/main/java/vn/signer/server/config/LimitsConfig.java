package vn.signer.server.config;


/**
 * What one caller, and all of them together, may ask of the server.
 *
 * @param maxRequestBytes         the largest request body; larger ones get 413 (default 100 MB)
 * @param maxConcurrentRequests   signatures and verifications worked on at once, once their bodies are
 *                                received; more wait up to a second, then get 503 (default 16)
 * @param maxConcurrentUploads    requests admitted at once, receiving their bodies or being worked on; more
 *                                get 503 (default twice {@code maxConcurrentRequests}). Each may hold up to
 *                                4 MiB of body in memory, so this bounds that memory too
 * @param maxRequestsPerAddress   requests admitted at once from one client address; more get 429 (default 8)
 * @param maxConnections          open connections; more wait in the system's queue until one closes (default 1000),
 *                                so that clients holding connections open cannot use up the server's file descriptors
 * @param requestsPerSecond       each client's sustained rate; faster callers get 429 (default 50)
 * @param burst                   how many requests a client may make at once above that rate (default 100)
 * @param idleTimeoutSeconds      how long a connection may stay silent, so slow clients cannot hold threads (default 30)
 * @param bodyDeadlineSeconds     how long receiving a whole body may take; longer gets 408 (default 900: 100 MB at
 *                                1 Mbit/s, a slow but honest line, takes 840 s)
 * @param minBodyBytesPerSecond   the slowest average rate a body may arrive at once {@code bodyGraceSeconds} have
 *                                passed; slower gets 408 (default 8192, a 64 kbit/s line)
 * @param bodyGraceSeconds        how long a body may arrive slower than that at first (default 10)
 * @param maxFailedAuthPerMinute  failed authentications one address may make in a minute before its requests
 *                                get 429 until the minute is over (default 10)
 * @param shutdownGraceSeconds    how long requests in flight may take to finish on shutdown (default 30)
 * @param workSeconds             how long signing or verifying one document may take once its body is in; longer is
 *                                stopped and answered 504 (default 120). Work is also stopped when the client closes its
 *                                connection
 * @param headerDeadlineSeconds   how long a request's line and headers may take to arrive once their first byte has;
 *                                longer gets 408 and the connection closed (default 10), so that a client sending its
 *                                headers a byte at a time cannot keep a connection for idleTimeoutSeconds a byte
 * @param maxXmlBytes             the largest XML document signed or verified; larger gets 413 (default
 *                                maxRequestBytes: an XML too large for a tree in the heap is streamed, see
 *                                vn.signer.largexml)
 */
public record LimitsConfig(Long maxRequestBytes, Integer maxConcurrentRequests, Integer maxConcurrentUploads,
                           Integer maxRequestsPerAddress, Integer maxConnections, Double requestsPerSecond, Integer burst,
                           Integer idleTimeoutSeconds, Integer bodyDeadlineSeconds, Long minBodyBytesPerSecond,
                           Integer bodyGraceSeconds, Integer maxFailedAuthPerMinute, Integer shutdownGraceSeconds,
                           Integer workSeconds, Integer headerDeadlineSeconds, Long maxXmlBytes) {

    static final LimitsConfig DEFAULTS = new LimitsConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    public LimitsConfig {
        maxRequestBytes = maxRequestBytes == null ? 100L * 1024 * 1024 : maxRequestBytes;
        maxConcurrentRequests = maxConcurrentRequests == null ? 16 : maxConcurrentRequests;
        maxConcurrentUploads = maxConcurrentUploads == null ? 2 * maxConcurrentRequests : maxConcurrentUploads;
        maxRequestsPerAddress = maxRequestsPerAddress == null ? 8 : maxRequestsPerAddress;
        maxConnections = maxConnections == null ? 1000 : maxConnections;
        requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
        burst = burst == null ? 100 : burst;
        idleTimeoutSeconds = idleTimeoutSeconds == null ? 30 : idleTimeoutSeconds;
        bodyDeadlineSeconds = bodyDeadlineSeconds == null ? 900 : bodyDeadlineSeconds;
        minBodyBytesPerSecond = minBodyBytesPerSecond == null ? 8192L : minBodyBytesPerSecond;
        bodyGraceSeconds = bodyGraceSeconds == null ? 10 : bodyGraceSeconds;
        maxFailedAuthPerMinute = maxFailedAuthPerMinute == null ? 10 : maxFailedAuthPerMinute;
        shutdownGraceSeconds = shutdownGraceSeconds == null ? 30 : shutdownGraceSeconds;
        workSeconds = workSeconds == null ? 120 : workSeconds;
        headerDeadlineSeconds = headerDeadlineSeconds == null ? 10 : headerDeadlineSeconds;
        // XML too large for a tree is streamed (vn.signer.largexml): by default only the request's own limit holds it.
        maxXmlBytes = maxXmlBytes == null ? maxRequestBytes : maxXmlBytes;
        ServerConfig.require(maxRequestBytes > 0 && maxConcurrentRequests > 0 && maxConcurrentUploads > 0
                && maxRequestsPerAddress > 0 && maxConnections > 0 && requestsPerSecond > 0 && burst > 0 && idleTimeoutSeconds > 0
                && bodyDeadlineSeconds > 0 && minBodyBytesPerSecond >= 0 && bodyGraceSeconds >= 0
                && maxFailedAuthPerMinute > 0 && shutdownGraceSeconds >= 0 && workSeconds > 0 && headerDeadlineSeconds > 0
                && maxXmlBytes > 0, "config.limits.positive");
    }
}
