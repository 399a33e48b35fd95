package vn.signer.server.config;

import java.util.Map;

/**
 * /v1/verify: whether it needs an API key, and the trust profiles callers may choose from.
 *
 * @param open           verification without authentication (default false: a key is needed)
 * @param defaultProfile the trust profile used when the caller names none
 * @param profiles       trust profiles by name
 * @param page           the verification page for people (off unless enabled)
 * @param reportProfile  a signing profile that signs every PDF report to keep (the page's and
 *                       /v1/verify?format=pdf), so that it can be shown later as this server's; none unless set
 */
public record VerificationConfig(Boolean open, String defaultProfile, Map<String, TrustProfileConfig> profiles,
                                 PageConfig page, String reportProfile) {

    static final VerificationConfig NONE = new VerificationConfig(false, null, null, null, null);

    public VerificationConfig {
        open = open != null && open;
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        if (defaultProfile == null && profiles.size() == 1) {
            defaultProfile = profiles.keySet().iterator().next();
        }
        ServerConfig.require(defaultProfile == null || profiles.containsKey(defaultProfile),
                "config.verification.defaultProfile", defaultProfile);
        page = page == null ? PageConfig.NONE : page;
        ServerConfig.require(!page.enabled() || defaultProfile != null, "config.verification.page.noProfile");
    }
}
