package vn.signer.server.config;

import java.util.Map;

/**
 * Split signing (POST /v1/sign/prepare, then /v1/sign/complete): its keyless profiles and how many
 * prepared documents the server keeps, for how long.
 *
 * @param profiles        keyless signing profiles by name; their names are shared with {@code profiles}
 * @param sessionSeconds  how long a prepared document waits for its signature value (default 300)
 * @param maxSessions     prepared documents kept at once; more get 503 until some complete or expire (default 1000)
 * @param maxSessionBytes the documents' bytes kept at once, in memory or spooled to tempDir (default 512 MiB)
 */
public record SplitSigningConfig(Map<String, SplitProfileConfig> profiles, Integer sessionSeconds, Integer maxSessions,
                                 Long maxSessionBytes) {

    static final SplitSigningConfig NONE = new SplitSigningConfig(null, null, null, null);

    public SplitSigningConfig {
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        sessionSeconds = sessionSeconds == null ? 300 : sessionSeconds;
        maxSessions = maxSessions == null ? 1000 : maxSessions;
        maxSessionBytes = maxSessionBytes == null ? 512L * 1024 * 1024 : maxSessionBytes;
        ServerConfig.require(sessionSeconds > 0 && maxSessions > 0 && maxSessionBytes > 0,
                "config.split.positive");
    }
}
