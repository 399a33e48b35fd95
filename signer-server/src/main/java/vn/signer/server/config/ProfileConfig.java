package vn.signer.server.config;

import java.net.URI;
import java.util.List;
import java.util.Set;
import vn.signer.config.ConfigRefusal;
import vn.signer.keys.KeySelector;
import vn.signer.sign.Level;

/**
 * A signing profile: which key signs, at which level, with which TSA and defaults, and what a caller
 * may change per request.
 *
 * @param pkcs12        the key is in this PKCS#12 file (or give pkcs11)
 * @param pkcs11        the key is on this PKCS#11 token
 * @param key           which key of the store, when it holds several
 * @param pin           where the PIN or the PKCS#12 password is
 * @param level         B, T, LT or LTA (default B)
 * @param tsa           timestamp authority URLs, in order of preference (needed from T up)
 * @param trust         the trust profile used to complete the chain and, for LT/LTA, gather revocation data
 * @param reason        the default reason
 * @param location      the default location
 * @param contactInfo   the default contact information
 * @param allowOverride which of reason, location, contactInfo, level a caller may set per request
 * @param csc           whether the profile's key is also a credential of the CSC service; off unless set
 */
public record ProfileConfig(Pkcs12 pkcs12, Pkcs11 pkcs11, KeyChoice key, SecretRef pin, Level level, List<URI> tsa,
                            String trust, String reason, String location, String contactInfo, Set<String> allowOverride,
                            CscConfig csc) {

    /** The fields a caller may be allowed to override. */
    public static final Set<String> OVERRIDABLE = Set.of("reason", "location", "contactInfo", "level");

    public ProfileConfig {
        ServerConfig.require((pkcs12 == null) != (pkcs11 == null), "config.profile.keySource");
        ServerConfig.require(pin != null, "config.profile.pin");
        level = level == null ? Level.B : level;
        tsa = tsa == null ? List.of() : List.copyOf(tsa);
        allowOverride = allowOverride == null ? Set.of() : Set.copyOf(allowOverride);
        csc = csc == null ? CscConfig.OFF : csc;
        ServerConfig.require(OVERRIDABLE.containsAll(allowOverride), "config.profile.allowOverride", OVERRIDABLE.stream().sorted().toList());
    }

    /** @param file the PKCS#12 file */
    public record Pkcs12(String file) {
        public Pkcs12 {
            ServerConfig.require(file != null, "config.pkcs12.file");
        }
    }

    /**
     * @param module      the PKCS#11 library
     * @param tokenLabel  the token's label
     * @param tokenSerial the token's serial number
     * @param slotIndex   the token's position among the slots with a token
     * @param parallel    signatures given to the device at once: 1 for a USB token (default), more for an HSM
     */
    public record Pkcs11(String module, String tokenLabel, String tokenSerial, Integer slotIndex, Integer parallel) {
        public Pkcs11 {
            ServerConfig.require(module != null, "config.pkcs11.module");
            ServerConfig.require(slotIndex == null || slotIndex >= 0, "config.pkcs11.slotIndex", String.valueOf(slotIndex));
            parallel = parallel == null ? 1 : parallel;
            ServerConfig.require(parallel >= 1, "config.pkcs11.parallel", String.valueOf(parallel));
        }
    }

    /**
     * @param label             the key's label or alias
     * @param id                the key's PKCS#11 id, in hex
     * @param certificateSha256 SHA-256 of the key's certificate, in hex
     */
    public record KeyChoice(String label, String id, String certificateSha256) {
        /** Checked here with core's own rules, so that a mistyped id is a configuration error, not a failed start. */
        public KeyChoice {
            ServerConfig.require(id == null || ConfigRefusal.accepts(() -> KeySelector.id(id)), "config.key.id", id);
            ServerConfig.require(certificateSha256 == null || ConfigRefusal.accepts(() -> KeySelector.certificateSha256(certificateSha256)),
                    "config.key.certificateSha256", certificateSha256);
        }
    }
}
