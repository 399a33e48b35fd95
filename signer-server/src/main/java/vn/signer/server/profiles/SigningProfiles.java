package vn.signer.server.profiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.PinCallback;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.TokenSelector;
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
        // A restart loop with a wrong PIN in the environment must not be what locks the token.
        PinCallback pin = PinCallback.unattended(() -> profile.pin().read(config),
                "check the PIN in the profile's environment variable or file, then log in once with the token's own tool");
        KeySource source = profile.pkcs12() != null
                ? Pkcs12KeySource.open(config.path(profile.pkcs12().file()), pin)
                : Pkcs11KeySource.open(config.path(profile.pkcs11().module()), tokenSelector(profile.pkcs11()), pin);
        try {
            TimestampAuthorities tsa = profile.tsa().isEmpty() ? null : TimestampAuthorities.create(TsaSettings.of(profile.tsa()));
            VerificationSettings settings = profile.trust() == null ? TrustProfiles.none() : trust.settings(profile.trust());
            // Above B the signer fetches timestamps (and for LT/LTA revocation data) for the server's own
            // certificate, whose URLs the operator chose. LT and LTA may also gather data for signatures
            // already in the document, whose URLs the caller chose: the trust profile's network policy
            // (public addresses only unless it says otherwise) still applies to those.
            if (profile.level().needsTimestamp()) {
                settings = VerificationSettings.builder().trust(settings.trustAnchors()).intermediates(settings.intermediates())
                        .crlFiles(settings.crlFiles()).offline(false).network(settings.network()).build();
            }
            SigningServices services = new SigningServices(tsa, settings);
            return new SigningProfile(name, profile, source, source.key(keySelector(profile.key())), services);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
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
