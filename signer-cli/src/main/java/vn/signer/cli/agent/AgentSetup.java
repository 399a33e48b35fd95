package vn.signer.cli.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * What the signing agent is told: the web origins it answers, its port and how long the token stays
 * logged in. One small value, so that the command line's options and the user's configuration file
 * (the {@code agent:} section of issue 15) feed it alike.
 *
 * @param origins      the origins (scheme://host[:port]) whose pages may ask; normalised, at least one
 * @param port         the loopback port (default {@link #DEFAULT_PORT})
 * @param loginMinutes how long the token stays logged in after the PIN is given
 */
public record AgentSetup(Set<String> origins, int port, int loginMinutes) {
    public static final int DEFAULT_PORT = 8987;
    public static final int DEFAULT_LOGIN_MINUTES = 10;
    static final String BUNDLE = "vn.signer.cli.Messages";

    public AgentSetup {
        Set<String> normalised = new TreeSet<>();
        for (String origin : origins) {
            normalised.add(origin(origin));
        }
        origins = Set.copyOf(normalised);
        if (port < 1 || port > 65535) {
            throw usage("agent.port", String.valueOf(port));
        }
        if (loginMinutes < 0 || loginMinutes > 24 * 60) {
            throw usage("agent.loginMinutes", loginMinutes);
        }
    }

    /**
     * An origin as browsers send it: lower-case scheme and host, the port only when not the scheme's
     * default, no path. Plain http only for the loopback host (a page anywhere else could be changed on
     * its way to the officer and ask for signatures).
     */
    static String origin(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw usage("agent.origin", text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (host.isEmpty() || !bare || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw usage("agent.origin", text);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + (uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort());
    }

    private static SignerException usage(String key, Object fact) {
        return new SignerException(ErrorCode.USAGE, Problem.in(BUNDLE, key, fact));
    }
}
