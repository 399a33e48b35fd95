package vn.signer.server.config;

import java.util.List;
import java.util.Locale;

/**
 * A caller of the server, known by an API key, a TLS client certificate, or both.
 *
 * @param name              how it appears in the audit log and metrics
 * @param apiKeySha256      SHA-256 of its API key, in hex (the key itself is never stored)
 * @param certificateSha256 SHA-256 of its TLS client certificate, in hex
 * @param profiles          the signing profiles it may use
 * @param requestsPerSecond its own rate limit, or null for the server's
 */
public record ClientConfig(String name, String apiKeySha256, String certificateSha256, List<String> profiles,
                           Double requestsPerSecond) {

    public ClientConfig {
        ServerConfig.require(name != null && !name.isBlank(), "config.client.name");
        ServerConfig.require(apiKeySha256 != null || certificateSha256 != null, "config.client.credential", name);
        apiKeySha256 = hex64(name, apiKeySha256);
        certificateSha256 = hex64(name, certificateSha256);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    private static String hex64(String name, String hex) {
        if (hex == null) {
            return null;
        }
        String clean = hex.replace(":", "").toLowerCase(Locale.ROOT);
        ServerConfig.require(clean.matches("[0-9a-f]{64}"), "config.client.sha256", name);
        return clean;
    }
}
