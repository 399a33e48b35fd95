package vn.signer.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an online verification may fetch from the addresses that certificates name (AIA "CA issuers",
 * CRL distribution points, OCSP responders): those addresses are written by whoever made the
 * document, so by default only {@code http} and {@code https} to public addresses, and a bounded
 * number of requests per verification.
 *
 * @param extraSchemes          schemes allowed besides http and https (e.g. {@code ftp}), lower case;
 *                              {@code ldap} cannot be read, and addresses that carry another one
 *                              inside ({@code jar:http://…}) are refused whatever their scheme
 * @param allowPrivateAddresses allow loopback, link-local, private and other non-public addresses
 *                              (a verifier inside a closed network, or tests on 127.0.0.1)
 * @param maxRequests           requests one verification may make; further ones are refused
 * @param maxTime               how long one verification may spend on the network: no request is
 *                              started after that (one under way finishes within its own timeouts)
 */
public record NetworkPolicy(Set<String> extraSchemes, boolean allowPrivateAddresses, int maxRequests, Duration maxTime) {

    /**
     * Requests per verification by default. A chain of four certificates needs at most about a dozen
     * (one CA certificate, one CRL and one OCSP answer each, a failover or two); 50 leaves room for
     * several signatures and timestamps with chains of their own, and stops a document whose
     * certificates lead from one fetched CA certificate to the next without end.
     */
    public static final int DEFAULT_MAX_REQUESTS = 50;

    /**
     * Network time per verification by default. Each request is bounded by its own timeouts (70 s at
     * the most), but 50 slow ones would hold a verification, and a server
     * thread, for an hour. A real chain's answers come in seconds; two minutes leaves room for slow
     * government responders and a large CRL.
     */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(2);

    /**
     * http and https to public addresses only, {@value #DEFAULT_MAX_REQUESTS} requests and
     * {@link #DEFAULT_MAX_TIME} per verification.
     */
    public static final NetworkPolicy PUBLIC_ONLY = new NetworkPolicy(Set.of(), false, DEFAULT_MAX_REQUESTS, DEFAULT_MAX_TIME);

    public NetworkPolicy {
        Objects.requireNonNull(maxTime, "maxTime");
        extraSchemes = extraSchemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (maxRequests < 1) {
            throw new IllegalArgumentException("at least one request per verification must be allowed");
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("a verification must be allowed some network time");
        }
    }

    /** This policy, with non-public addresses allowed or refused. */
    public NetworkPolicy withPrivateAddresses(boolean allow) {
        return new NetworkPolicy(extraSchemes, allow, maxRequests, maxTime);
    }

    /** Whether {@code scheme} (lower case) may be fetched. */
    boolean allows(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme) || extraSchemes.contains(scheme);
    }
}
