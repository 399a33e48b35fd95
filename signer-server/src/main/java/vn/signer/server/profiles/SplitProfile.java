package vn.signer.server.profiles;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.signer.server.config.SplitProfileConfig;
import vn.signer.sign.Level;
import vn.signer.sign.Preflight;
import vn.signer.sign.SignerRevocation;
import vn.signer.sign.Signing;
import vn.signer.sign.SignatureOptions;
import vn.signer.verify.VerificationSettings;

/**
 * A keyless signing profile, opened: the staged signer with the profile's services, and the CAs that
 * may issue signers' certificates. The signer's certificate comes with each request, so it is judged
 * here before anything is prepared: nobody may have the server fix a signature for a certificate of
 * a CA the operator did not name.
 */
public final class SplitProfile {
    /** Why a signer's certificate is refused. */
    public enum Refusal {
        EXPIRED, NOT_YET_VALID, NOT_FOR_SIGNING, UNKNOWN_ISSUER
    }

    private final String name;
    private final SplitProfileConfig config;
    private final Signing signing;
    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;

    SplitProfile(String name, SplitProfileConfig config, Signing signing, VerificationSettings signers) {
        this.name = name;
        this.config = config;
        this.signing = signing;
        this.anchors = signers.trustAnchors().stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.intermediates = List.copyOf(signers.intermediates());
    }

    public String name() {
        return name;
    }

    /**
     * What {@code GET /v1/profiles} shows of a keyless profile: no certificate of its own, but the trust
     * profile whose CAs may issue the signers' certificates.
     */
    public record Summary(String name, Level level, List<String> timestampAuthorities, Set<String> allowOverride,
                          String signers) {
    }

    public Summary summary() {
        return new Summary(name, config.level(), config.tsa().stream().map(Object::toString).toList(),
                new TreeSet<>(config.allowOverride()), config.signers());
    }

    public Signing signing() {
        return signing;
    }

    /** The fields of {@code overrides} and {@code appearance} this profile does not allow (empty when all are allowed). */
    public List<String> refused(SigningProfile.Overrides overrides, SplitAppearance appearance) {
        List<String> refused = new ArrayList<>(overrides.refusedBy(config.allowOverride()));
        refused.addAll(appearance.refusedBy(config.allowOverride()));
        return refused;
    }

    /** The profile's options with {@code overrides} in place and {@code appearance} drawn, its images from {@code files}. */
    public SignatureOptions options(SigningProfile.Overrides overrides, SplitAppearance appearance, Function<String, Path> files) {
        return overrides.builder(config.level(), config.reason(), config.location(), config.contactInfo())
                .appearance(appearance.build(config.appearance(), files)).build();
    }

    /**
     * Why {@code chain}'s first certificate may not sign with this profile at {@code now}, if it may not:
     * it must be valid then, allowed to sign (digitalSignature or nonRepudiation), and lead, through the
     * chain given and the configured intermediates, to a configured anchor. Revocation is {@link #revocation}'s.
     */
    public Optional<Refusal> refusal(List<X509Certificate> chain, Instant now) {
        X509Certificate signer = chain.get(0);
        if (now.isAfter(signer.getNotAfter().toInstant())) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (now.isBefore(signer.getNotBefore().toInstant())) {
            return Optional.of(Refusal.NOT_YET_VALID);
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return Optional.of(Refusal.NOT_FOR_SIGNING);
        }
        return issuedByAnAllowedCa(chain, now) ? Optional.empty() : Optional.of(Refusal.UNKNOWN_ISSUER);
    }

    /**
     * The revocation status of {@code chain}, from the profile's trust profile's sources (OCSP and CRL
     * through the outbound gate when it is online or the level needs them, its CRL files otherwise):
     * a revoked certificate is refused at prepare, before the officer signs anything.
     */
    public SignerRevocation revocation(List<X509Certificate> chain) {
        return Preflight.signerRevocation(chain, signing.services().trust());
    }

    /** Whether prepare goes on at {@code level} for a certificate whose status is unknown: the setting, else below LT. */
    public boolean acceptsUnknownRevocation(Level level) {
        return config.acceptUnknownRevocation() != null ? config.acceptUnknownRevocation() : !level.needsValidationData();
    }

    private boolean issuedByAnAllowedCa(List<X509Certificate> chain, Instant now) {
        if (anchors.isEmpty()) {
            return false;
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(chain.get(0));
        List<X509Certificate> pool = new ArrayList<>(chain);
        pool.addAll(intermediates);
        try {
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.setMaxPathLength(8);
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (CertPathBuilderException e) {
            return false;
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the profile's anchors cannot start a certificate path", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PKIX certificate path builder", e);
        }
    }
}
