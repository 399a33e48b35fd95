package vn.signer.sign;

import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import vn.signer.certs.CertificateSummary;
import vn.signer.certs.Chains;
import vn.signer.document.DocumentFormat;
import vn.signer.dss.CertificateVerifiers;
import vn.signer.largexml.LargeXml;

/**
 * Signing in stages, for a key that may be anywhere (a token here, a browser agent, a remote
 * service): {@link #prepare} fixes every parameter and says what the key must sign, then
 * {@link PreparedSignature#complete} takes the value and checks it, then
 * {@link CompletedSignature#augment()} reaches the level. {@link DocumentSigner} is the one-call form
 * for a key at hand. Safe to use from several threads; set up once and reused, since DSS's services
 * are costly to make.
 */
public final class Signing {
    private final SigningServices services;
    private final List<X509Certificate> pool;
    private final Lazily<PadesSigner> pades;
    private final Lazily<XadesSigner> xades;

    private Signing(SigningServices services) {
        this.services = services;
        List<X509Certificate> certificates = new ArrayList<>(services.trust().intermediates());
        certificates.addAll(services.trust().trustAnchors());
        this.pool = List.copyOf(certificates);
        CommonCertificateVerifier verifier = CertificateVerifiers.create(services.trust());
        this.pades = new Lazily<>(() -> new PadesSigner(verifier, services));
        this.xades = new Lazily<>(() -> new XadesSigner(verifier, services));
    }

    /** Signing with {@code services}; nothing is contacted. */
    public static Signing create(SigningServices services) {
        return new Signing(Objects.requireNonNull(services, "services"));
    }

    public SigningServices services() {
        return services;
    }

    /**
     * Prepares {@code document} for a signature by the holder of {@code chain}'s first certificate. The
     * signing time is taken from the services' clock now, and the certificate is checked at that time.
     * The chain embedded is {@code chain} completed from the configured intermediates and anchors, so
     * that a token holding only the signer's certificate still yields a signature verifiable from the root.
     *
     * @param chain the signer's certificate first, then any issuers the key's holder has
     * @throws vn.signer.SignerException CERTIFICATE_UNUSABLE, USAGE (a level whose services are missing),
     *                                   LEVEL_UNREACHABLE, NOT_SIGNABLE, SIGNING_FAILED
     */
    public PreparedSignature prepare(DocumentToSign document, List<X509Certificate> chain, SignatureOptions options) {
        Objects.requireNonNull(document, "document");
        return prepare(document, chain, options, isLargeXml(document));
    }

    /** @param streamed sign an XML file by streaming ({@link XadesSigner#prepareLarge}), whatever its size */
    PreparedSignature prepare(DocumentToSign document, List<X509Certificate> chain, SignatureOptions options, boolean streamed) {
        Objects.requireNonNull(options, "options");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain must hold at least the signer's certificate");
        }
        X509Certificate signer = chain.get(0);
        Instant now = services.clock().instant();
        CertificateSummary summary = CertificateSummary.of(signer);
        CertificateCheck.requireUsable(summary, now);
        DocumentSigner.requireServicesFor(options.level(), services);
        List<X509Certificate> embedded = Chains.complete(chain, pool);
        FormatSigner format = signer(document.format());
        PreparedFormat prepared = Documents.withDss(document.name(), document.format(), "sign",
                () -> streamed ? xades.get().prepareLarge(document.file(), embedded, options, Date.from(now))
                        : format.prepare(document.read(), embedded, options, Date.from(now), document.output()));
        try {
            return new PreparedSignature(this, document, signer, summary.displayName(), options, now, prepared);
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    /** An XML file too large for DSS's tree in this heap: signed by streaming (vn.signer.largexml). */
    static boolean isLargeXml(DocumentToSign document) {
        return document.format() == DocumentFormat.XML && document.file() != null && LargeXml.isLarge(document.file());
    }

    String levelName(DocumentFormat format, Level level) {
        return signer(format).levelName(level);
    }

    private FormatSigner signer(DocumentFormat format) {
        return format == DocumentFormat.PDF ? pades.get() : xades.get();
    }
}
