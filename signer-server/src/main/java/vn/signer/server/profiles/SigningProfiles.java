package vn.signer.server.profiles;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.TokenSelector;
import vn.signer.sign.Level;
import vn.signer.sign.SigningServices;
import vn.signer.server.config.ProfileConfig;
import vn.signer.server.config.ServerConfig;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;
import vn.signer.verify.VerificationSettings;

/**
 * Every signing profile of the configuration, opened at start-up (each token logged in once, its
 * PIN read from its environment variable or file and wiped at once) and closed on shutdown.
 */
public final class SigningProfiles implements AutoCloseable {
    private final Map<String, SigningProfile> profiles;

    private SigningProfiles(Map<String, SigningProfile> profiles) {
        this.profiles = profiles;
    }

    /**
     * Opens every profile; when one fails, those already opened are closed again.
     *
     * @throws vn.signer.SignerException as the key source or signer reports it
     */
    public static SigningProfiles open(ServerConfig config, TrustProfiles trust) {
        Map<String, SigningProfile> opened = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ProfileConfig> entry : new TreeMap<>(config.profiles()).entrySet()) {
                opened.put(entry.getKey(), open(config, trust, entry.getKey(), entry.getValue()));
            }
        } catch (RuntimeException e) {
            opened.values().forEach(SigningProfile::close);
            throw e;
        }
        return new SigningProfiles(opened);
    }

    private static SigningProfile open(ServerConfig config, TrustProfiles trust, String name, ProfileConfig profile) {
        KeySourceSpec spec = keySource(config, profile);
        // The PIN comes from a variable or a file, which the spec never lets spend a token's last try:
        // a restart loop with a wrong PIN in the environment must not be what locks the token.
        KeySource source = spec.open(null);
        try {
            SigningServices services = services(trust, profile.tsa(), profile.trust(), profile.level());
            return new SigningProfile(name, profile, source, source.key(spec.key()), services);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** What signing at {@code level} with these TSAs and this trust profile (or none) relies on. */
    static SigningServices services(TrustProfiles trust, List<URI> tsas, String trustProfile, Level level) {
        TimestampAuthorities tsa = tsas.isEmpty() ? null : TimestampAuthorities.create(TsaSettings.of(tsas));
        VerificationSettings settings = trustProfile == null ? TrustProfiles.none() : trust.settings(trustProfile);
        // Above B the signer fetches timestamps (and for LT/LTA revocation data) for the signing
        // certificate, whose URLs the operator chose. LT and LTA may also gather data for signatures
        // already in the document, whose URLs the caller chose: the trust profile's network policy
        // (public addresses only unless it says otherwise) still applies to those.
        if (level.needsTimestamp()) {
            settings = VerificationSettings.builder().trust(settings.trustAnchors()).intermediates(settings.intermediates())
                    .crlFiles(settings.crlFiles()).offline(false).network(settings.network()).build();
        }
        return new SigningServices(tsa, settings);
    }

    /** The profile's key, token and PIN as the one description the command line builds too. */
    private static KeySourceSpec keySource(ServerConfig config, ProfileConfig profile) {
        KeySourceSpec.Store store = profile.pkcs12() != null
                ? new KeySourceSpec.Pkcs12(config.path(profile.pkcs12().file()))
                : new KeySourceSpec.Pkcs11(config.path(profile.pkcs11().module()), tokenSelector(profile.pkcs11()),
                        profile.pkcs11().parallel());
        KeySourceSpec.PinSource pin = profile.pin().env() != null ? new KeySourceSpec.Environment(profile.pin().env())
                : new KeySourceSpec.File(config.path(profile.pin().file()));
        return new KeySourceSpec(store, keySelector(profile.key()), pin);
    }

    private static TokenSelector tokenSelector(ProfileConfig.Pkcs11 p11) {
        if (p11.tokenLabel() != null) {
            return TokenSelector.label(p11.tokenLabel());
        }
        if (p11.tokenSerial() != null) {
            return TokenSelector.serial(p11.tokenSerial());
        }
        return p11.slotIndex() != null ? TokenSelector.slotIndex(p11.slotIndex()) : TokenSelector.any();
    }

    private static KeySelector keySelector(ProfileConfig.KeyChoice key) {
        if (key == null) {
            return KeySelector.only();
        }
        if (key.label() != null) {
            return KeySelector.label(key.label());
        }
        if (key.id() != null) {
            return KeySelector.id(key.id());
        }
        return key.certificateSha256() != null ? KeySelector.certificateSha256(key.certificateSha256()) : KeySelector.only();
    }

    /** The profile called {@code name}, or null. */
    public SigningProfile get(String name) {
        return profiles.get(name);
    }

    public Iterable<SigningProfile> all() {
        return profiles.values();
    }

    @Override
    public void close() {
        profiles.values().forEach(SigningProfile::close);
    }
}
