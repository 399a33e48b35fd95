package vn.signer.net;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out to the network for DSS: every AIA, CRL, OCSP and TSA request of signer goes
 * through one of these. It checks the scheme against a {@link NetworkPolicy}, counts the request in
 * the operation's {@link RequestBudget} (requests and network time), follows at most
 * {@value #MAX_REDIRECTS} redirects (each new address checked like the first, never to another
 * scheme but from http to https), caps the answer by its {@link AnswerKind}, and refuses non-public
 * hosts unless the policy allows them. A refusal is logged at debug level and thrown as
 * {@link FetchRefused}, which DSS treats as data not found.
 */
public final class GatedDataLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GatedDataLoader.class);

    /** Enough for a move to https and a CDN's own hop; a longer trail is a loop or a trap. */
    static final int MAX_REDIRECTS = 3;
    /** Connect timeout for the addresses documents name: a responder that does not answer in 10 s is down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout for them: CRLs of several MB from slow government servers. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final NetworkPolicy policy;
    private final AnswerKind kind;
    private final transient RequestBudget budget;
    private final HttpTransport http;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private GatedDataLoader(NetworkPolicy policy, AnswerKind kind, RequestBudget budget, Duration connectTimeout,
                            Duration readTimeout) {
        this.policy = policy;
        this.kind = kind;
        this.budget = budget;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.http = new HttpTransport(kind.maxBytes(), connectTimeout, readTimeout, policy.allowPrivateAddresses());
    }

    /**
     * A loader for the addresses that certificates in documents name (AIA, CRL, OCSP), under
     * {@code policy}, counting each request in {@code budget}.
     */
    public static GatedDataLoader forDocuments(NetworkPolicy policy, AnswerKind kind, RequestBudget budget) {
        return new GatedDataLoader(policy, kind, budget, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * A loader for addresses the operator configured (a TSA): http and https only, private
     * addresses allowed (an internal TSA is the operator's choice), no count of requests (the
     * configuration bounds them), and these timeouts.
     */
    public static GatedDataLoader forConfigured(AnswerKind kind, Duration connectTimeout, Duration readTimeout) {
        return new GatedDataLoader(NetworkPolicy.PUBLIC_ONLY.withPrivateAddresses(true), kind, null, connectTimeout, readTimeout);
    }

    @Override
    public byte[] get(String url) {
        return fetch(url, null);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        DSSExternalResourceException last = null;
        for (String url : urls) {
            try {
                return new DataAndUrl(url, get(url));
            } catch (DSSExternalResourceException e) {
                last = e;
            }
        }
        throw last != null ? last : new DSSExternalResourceException("no address to fetch");
    }

    @Override
    public byte[] post(String url, byte[] content) {
        return fetch(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        http.setContentType(contentType);
    }

    private byte[] fetch(String url, byte[] body) {
        URI uri = parse(url, url);
        if (uri.getScheme() == null) {
            throw refuse(url, "not an absolute address");
        }
        if (!policy.allows(scheme(uri))) {
            throw refuse(url, "the " + scheme(uri) + " scheme is not allowed");
        }
        for (int redirects = 0; ; redirects++) {
            if (budget != null) {
                take(uri);
            }
            try {
                return once(uri, body);
            } catch (DSSExternalResourceException e) {
                CappedAnswer.Redirected redirect = cause(e, CappedAnswer.Redirected.class);
                if (redirect == null) {
                    throw refusedOr(url, e);
                }
                if (redirects == MAX_REDIRECTS) {
                    throw refuse(url, "more than " + MAX_REDIRECTS + " redirects");
                }
                if (redirect.location == null) {
                    throw refuse(url, "a redirect without a location");
                }
                URI next = uri.resolve(parse(url, redirect.location));
                if (!scheme(next).equals(scheme(uri)) && !("http".equals(scheme(uri)) && "https".equals(scheme(next)))) {
                    throw refuse(url, "a redirect to " + next + ", another scheme");
                }
                uri = next;
            }
        }
    }

    private byte[] once(URI uri, byte[] body) {
        String scheme = scheme(uri);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return UrlReader.read(uri, kind.maxBytes(), connectTimeout, readTimeout, policy.allowPrivateAddresses());
        }
        return body == null ? http.get(uri.toString()) : http.post(uri.toString(), body);
    }

    private void take(URI uri) {
        try {
            budget.take(uri.toString());
        } catch (FetchRefused e) {
            LOG.debug("{}", e.getMessage());
            throw e;
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String url, String address) {
        try {
            return new URI(address.trim());
        } catch (URISyntaxException e) {
            throw refuse(url, "not a valid address (" + e.getMessage() + ")");
        }
    }

    /** The failure as a refusal when the gate's own checks caused it, else DSS's failure as it is. */
    private static DSSExternalResourceException refusedOr(String url, DSSExternalResourceException e) {
        CappedAnswer.Refused tooMuch = cause(e, CappedAnswer.Refused.class);
        if (tooMuch != null) {
            return refuse(url, tooMuch.getMessage());
        }
        CheckedDnsResolver.AddressRefused address = cause(e, CheckedDnsResolver.AddressRefused.class);
        return address != null ? refuse(url, address.getMessage()) : e;
    }

    private static FetchRefused refuse(String url, String reason) {
        LOG.debug("refused {}: {}", url, reason);
        return new FetchRefused("refused " + url + ": " + reason);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
