package vn.signer.server.config;

/**
 * A signing profile offered as a credential of the server's CSC v2 service (/csc/v2/...), its id the
 * profile's name, to the clients that may use the profile.
 *
 * @param enabled    offer it
 * @param multisign  the most hashes one authorisation covers (the credential's {@code multisign}); 100 unless set
 * @param sadSeconds how long an authorisation (SAD) stays usable; 300 unless set
 */
public record CscConfig(Boolean enabled, Integer multisign, Integer sadSeconds) {
    public static final CscConfig OFF = new CscConfig(false, null, null);

    public CscConfig {
        enabled = enabled != null && enabled;
        multisign = multisign == null ? 100 : multisign;
        sadSeconds = sadSeconds == null ? 300 : sadSeconds;
        ServerConfig.require(multisign >= 1 && multisign <= 1000, "config.csc.multisign");
        ServerConfig.require(sadSeconds >= 1 && sadSeconds <= 3600, "config.csc.sadSeconds");
    }
}
