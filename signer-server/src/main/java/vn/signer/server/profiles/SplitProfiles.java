package vn.signer.server.profiles;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.config.SplitProfileConfig;
import vn.signer.sign.Signing;

/**
 * The keyless profiles of the configuration, set up at start-up: there is nothing to log in to, only
 * the TSAs and trust that completing a signature relies on.
 */
public final class SplitProfiles {
    private final Map<String, SplitProfile> profiles;

    private SplitProfiles(Map<String, SplitProfile> profiles) {
        this.profiles = profiles;
    }

    /** Sets up every keyless profile, signing times and certificate checks taken from {@code clock}. */
    public static SplitProfiles open(ServerConfig config, TrustProfiles trust, Clock clock) {
        Map<String, SplitProfile> opened = new TreeMap<>();
        for (Map.Entry<String, SplitProfileConfig> entry : config.splitSigning().profiles().entrySet()) {
            SplitProfileConfig profile = entry.getValue();
            Signing signing = Signing.create(SigningProfiles.services(trust, profile.tsa(), profile.trust(), profile.level())
                    .withClock(clock));
            opened.put(entry.getKey(), new SplitProfile(entry.getKey(), profile, signing, trust.settings(profile.signers())));
        }
        return new SplitProfiles(opened);
    }

    /** The profile called {@code name}, or null. */
    public SplitProfile get(String name) {
        return profiles.get(name);
    }

    public Set<String> names() {
        return profiles.keySet();
    }
}
