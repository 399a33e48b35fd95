package vn.signer.server.profiles;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.signer.certs.CertificateFiles;
import vn.signer.net.NetworkPolicy;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.config.TrustProfileConfig;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationSettings;

/**
 * The trust profiles of the configuration, each with an offline verifier and, when the profile allows
 * the network, an online one. Built once at start-up: verifiers are thread-safe and keep their caches.
 */
public final class TrustProfiles {
    private final Map<String, VerificationSettings> settings = new HashMap<>();
    private final Map<String, DocumentVerifier> offline = new HashMap<>();
    private final Map<String, DocumentVerifier> online = new HashMap<>();
    private final String defaultProfile;

    public TrustProfiles(ServerConfig config) {
        this.defaultProfile = config.verification().defaultProfile();
        for (Map.Entry<String, TrustProfileConfig> entry : config.verification().profiles().entrySet()) {
            TrustProfileConfig profile = entry.getValue();
            VerificationSettings.Builder builder = VerificationSettings.builder()
                    .trust(CertificateFiles.read(profile.trust().stream().map(config::path).toList()))
                    .intermediates(CertificateFiles.read(profile.intermediates().stream().map(config::path).toList()))
                    .crlFiles(profile.crls().stream().map(config::path).toList())
                    .network(new NetworkPolicy(new HashSet<>(profile.allowSchemes()), profile.allowPrivateAddresses(),
                            NetworkPolicy.DEFAULT_MAX_REQUESTS, NetworkPolicy.DEFAULT_MAX_TIME));
            VerificationSettings offlineSettings = builder.offline(true).build();
            settings.put(entry.getKey(), profile.online() ? builder.offline(false).build() : offlineSettings);
            offline.put(entry.getKey(), DocumentVerifier.create(offlineSettings));
            if (profile.online()) {
                online.put(entry.getKey(), DocumentVerifier.create(builder.offline(false).build()));
            }
        }
    }

    /** The profile used when a request names none, or null when there is none. */
    public String defaultProfile() {
        return defaultProfile;
    }

    public Set<String> names() {
        return new TreeSet<>(settings.keySet());
    }

    /** The settings of {@code name} (online when the profile allows it), for signing. */
    public VerificationSettings settings(String name) {
        return settings.get(name);
    }

    /** No trust, no network: what signing at B-B with no trust profile relies on. */
    public static VerificationSettings none() {
        return VerificationSettings.builder().trust(List.of()).offline(true).build();
    }

    /**
     * The verifier of {@code name}: offline when asked, or when the profile does not allow the network.
     *
     * @return null when there is no such profile
     */
    public DocumentVerifier verifier(String name, boolean offlineAsked) {
        if (!offline.containsKey(name)) {
            return null;
        }
        return offlineAsked || !online.containsKey(name) ? offline.get(name) : online.get(name);
    }
}
