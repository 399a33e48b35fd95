package vn.signer.server.profiles;

import java.util.List;
import java.util.Set;
import vn.signer.certs.CertificateSummary;
import vn.signer.keys.KeySource;
import vn.signer.keys.SigningKey;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.Level;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SigningServices;
import vn.signer.server.config.ProfileConfig;

/**
 * One signing profile, opened: its key source logged in, its key chosen, and a signer with the
 * profile's defaults. A request with overrides gets the same signer with its own options: nothing is
 * set up again and nothing is contacted for it.
 */
public final class SigningProfile implements AutoCloseable {
    private final String name;
    private final ProfileConfig config;
    private final KeySource source;
    private final SigningKey key;
    private final SigningServices services;
    private final DocumentSigner defaultSigner;

    SigningProfile(String name, ProfileConfig config, KeySource source, SigningKey key, SigningServices services) {
        this.name = name;
        this.config = config;
        this.source = source;
        this.key = key;
        this.services = services;
        this.defaultSigner = DocumentSigner.create(key, options(Overrides.NONE), services);
    }

    /**
     * What a caller asked to change; null fields keep the profile's value.
     *
     * @param reason      the reason
     * @param location    the location
     * @param contactInfo the contact information
     * @param level       the level
     */
    public record Overrides(String reason, String location, String contactInfo, Level level) {
        public static final Overrides NONE = new Overrides(null, null, null, null);

        /** The names of the fields set. */
        public Set<String> fields() {
            java.util.Set<String> set = new java.util.TreeSet<>();
            if (reason != null) {
                set.add("reason");
            }
            if (location != null) {
                set.add("location");
            }
            if (contactInfo != null) {
                set.add("contactInfo");
            }
            if (level != null) {
                set.add("level");
            }
            return set;
        }

        /** The fields set that {@code allowed} does not list (empty when all are allowed). */
        public List<String> refusedBy(Set<String> allowed) {
            return fields().stream().filter(f -> !allowed.contains(f)).toList();
        }

        /** The options of a profile with these defaults, with the fields set here in their place. */
        public SignatureOptions options(Level level, String reason, String location, String contactInfo) {
            return builder(level, reason, location, contactInfo).build();
        }

        /** {@link #options}, still open to more (an appearance, say). */
        public SignatureOptions.Builder builder(Level level, String reason, String location, String contactInfo) {
            return SignatureOptions.builder()
                    .level(this.level != null ? this.level : level)
                    .reason(this.reason != null ? this.reason : reason)
                    .location(this.location != null ? this.location : location)
                    .contactInfo(this.contactInfo != null ? this.contactInfo : contactInfo);
        }
    }

    public String name() {
        return name;
    }

    public ProfileConfig config() {
        return config;
    }

    public SigningKey key() {
        return key;
    }

    public SigningServices services() {
        return services;
    }

    /** The fields of {@code overrides} this profile does not allow (empty when all are allowed). */
    public List<String> refused(Overrides overrides) {
        return overrides.refusedBy(config.allowOverride());
    }

    /** The signer for a request: the profile's own when nothing is overridden. */
    public DocumentSigner signer(Overrides overrides) {
        return overrides.fields().isEmpty() ? defaultSigner : defaultSigner.withOptions(options(overrides));
    }

    private SignatureOptions options(Overrides overrides) {
        return overrides.options(config.level(), config.reason(), config.location(), config.contactInfo());
    }

    /**
     * What /v1/profiles shows of a profile.
     *
     * @param name          the profile's name
     * @param level         its default level
     * @param timestampAuthorities its TSAs
     * @param allowOverride what a caller may change
     * @param certificate   the signing certificate
     */
    public record Summary(String name, Level level, List<String> timestampAuthorities, Set<String> allowOverride,
                          CertificateSummary certificate) {
    }

    public Summary summary() {
        return new Summary(name, config.level(), config.tsa().stream().map(Object::toString).toList(),
                new java.util.TreeSet<>(config.allowOverride()), key.info().certificate());
    }

    /** Logs out of the token (or forgets the PKCS#12 key). */
    @Override
    public void close() {
        source.close();
    }
}
