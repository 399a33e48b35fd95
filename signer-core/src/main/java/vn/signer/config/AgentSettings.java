package vn.signer.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import vn.signer.Problem;

/**
 * The signing agent's settings in the officer's configuration.
 *
 * @param origins      the web applications (https origins) whose pages may ask the agent to sign
 * @param port         the loopback port it listens on (8987, the Government CA plugin's, unless set)
 * @param loginMinutes how long the token stays logged in after a signature (10 unless set; 0: log out each time)
 * @param profile      the profile it signs with, or null
 */
public record AgentSettings(List<URI> origins, Integer port, Integer loginMinutes, String profile) {
    /** The Government CA plugin's port, which e-office pages written for it call. */
    public static final int DEFAULT_PORT = 8987;

    public AgentSettings {
        origins = origins == null ? List.of() : List.copyOf(origins);
        port = port == null ? DEFAULT_PORT : port;
        loginMinutes = loginMinutes == null ? 10 : loginMinutes;
        for (URI origin : origins) {
            ConfigRefusal.require(isOrigin(origin), Problem.of("officer.agent.origin", origin.toString()));
        }
        ConfigRefusal.require(port >= 1 && port <= 65535, Problem.of("officer.agent.port", port));
        ConfigRefusal.require(loginMinutes >= 0 && loginMinutes <= 24 * 60, Problem.of("officer.agent.loginMinutes", loginMinutes));
    }

    /** An origin as a browser sends it: https://host[:port], nothing after; http only for the officer's own computer. */
    private static boolean isOrigin(URI origin) {
        String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
        String host = origin.getHost();
        boolean loopback = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        return host != null && (scheme.equals("https") || (scheme.equals("http") && loopback))
                && (origin.getRawPath() == null || origin.getRawPath().isEmpty()) && origin.getRawQuery() == null
                && origin.getRawFragment() == null && origin.getRawUserInfo() == null;
    }
}
