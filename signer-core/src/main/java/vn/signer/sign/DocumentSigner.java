package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.certs.Chains;
import vn.signer.document.DocumentFormat;
import vn.signer.dss.DssDocuments;
import vn.signer.keys.SigningKey;
import vn.signer.dss.CertificateVerifiers;
import vn.signer.verify.VerificationSettings;

/**
 * Signs documents with one key and one set of options: PDF as PAdES, XML as XAdES, told apart by
 * content. The embedded chain is completed from the configured intermediates and anchors, so that a
 * token holding only the signer's certificate still yields a signature verifiable from the root. The certificate is checked before every document (a long batch may outlive it), inputs
 * are never modified, and outputs appear whole or not at all. Safe to use from several threads.
 */
public final class DocumentSigner {
    private final SigningKey key;
    private final SignatureOptions options;
    private final SigningServices services;
    private final List<X509Certificate> chain;
    private final Lazily<PadesSigner> pades;
    private final Lazily<XadesSigner> xades;

    private DocumentSigner(SigningKey key, SignatureOptions options, SigningServices services) {
        this.key = key;
        this.options = options;
        this.services = services;
        List<X509Certificate> pool = new ArrayList<>(services.trust().intermediates());
        pool.addAll(services.trust().trustAnchors());
        this.chain = Chains.complete(key.chain(), pool);
        CommonCertificateVerifier verifier = certificateVerifier(key, services.trust());
        this.pades = new Lazily<>(() -> new PadesSigner(verifier, services));
        this.xades = new Lazily<>(() -> new XadesSigner(verifier, services));
    }

    /**
     * A B-B signer for {@code key}, needing no network.
     *
     * @throws SignerException CERTIFICATE_UNUSABLE; USAGE when the options ask for a level above B
     */
    public static DocumentSigner create(SigningKey key, SignatureOptions options) {
        return create(key, options, SigningServices.none());
    }

    /**
     * A signer for {@code key} at the options' level. Fails at once, before any document is touched,
     * when the certificate cannot sign now, when the level needs a TSA and none is given or the network
     * is forbidden, and, for LT and LTA, when the chain or revocation data cannot be had.
     *
     * @throws SignerException CERTIFICATE_UNUSABLE, USAGE, LEVEL_UNREACHABLE
     */
    public static DocumentSigner create(SigningKey key, SignatureOptions options, SigningServices services) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(services, "services");
        CertificateCheck.requireUsable(key, Instant.now());
        requireServicesFor(options.level(), services);
        if (options.level().needsValidationData()) {
            PreflightReport chain = Preflight.chain(key, options.level(), services.trust());
            if (!chain.reachable()) {
                throw new SignerException(ErrorCode.LEVEL_UNREACHABLE,
                        "level " + options.level() + " cannot be reached: " + chain.problems(),
                        "run 'signer sign --check' with the same options for the full picture");
            }
        }
        return new DocumentSigner(key, options, services);
    }

    /** Checks that the services a level needs are configured, without contacting them. */
    static void requireServicesFor(Level level, SigningServices services) {
        if (level.needsTimestamp() && services.timestamps() == null) {
            throw new SignerException(ErrorCode.USAGE, "level " + level + " needs a timestamp authority",
                    "give one or more with --tsa URL");
        }
        if (level.needsTimestamp() && services.trust().offline()) {
            throw new SignerException(ErrorCode.LEVEL_UNREACHABLE,
                    "level " + level + " needs a timestamp authority on the network, and --offline forbids the network",
                    "sign at level B offline, and extend later with 'signer extend'");
        }
        if (level.needsValidationData() && services.trust().trustAnchors().isEmpty()) {
            throw new SignerException(ErrorCode.USAGE, "level " + level + " needs the chain up to a trust anchor",
                    "give the root CA with --trust");
        }
    }

    /** The verifier signing uses: the configured trust plus the chain the key store holds. */
    static CommonCertificateVerifier certificateVerifier(SigningKey key, VerificationSettings trust) {
        List<X509Certificate> issuers = key.chain().subList(1, key.chain().size());
        return CertificateVerifiers.create(VerificationSettings.builder()
                .trust(trust.trustAnchors()).intermediates(trust.intermediates()).intermediates(issuers)
                .crlFiles(trust.crlFiles()).offline(trust.offline()).network(trust.network()).build());
    }

    /**
     * Whether {@code output} is already {@code input} signed with this signer's key, as an earlier run
     * (perhaps interrupted) left it; such documents are skipped when a batch is run again.
     */
    public boolean isSignedCopy(Path input, Path output) {
        return SignedCopies.isSignedCopy(input, output, key.certificate());
    }

    /** Where a signed copy of {@code input} goes by default: {@code NAME-signed.EXT} beside it. */
    public static Path defaultOutput(Path input) {
        return Documents.sibling(input, "-signed");
    }

    /**
     * Signs {@code input} into {@code output}.
     *
     * @param overwrite replace an existing output (never the input itself)
     * @throws SignerException INPUT_MISSING, BAD_INPUT, NOT_SIGNABLE, OUTPUT_EXISTS, CERTIFICATE_UNUSABLE, IO,
     *                         SIGNING_FAILED, TIMESTAMP_FAILED, LEVEL_UNREACHABLE
     */
    public SignOutcome sign(Path input, Path output, boolean overwrite) {
        long start = System.nanoTime();
        DocumentFormat format = Documents.prepare(input, output, overwrite);
        return sign(input.toString(), () -> DssDocuments.read(input), format, input, output, start,
                signed -> signed.save(output, overwrite));
    }

    /**
     * Signs a document received in memory (over a network, say) and writes the signed document to
     * {@code signed}: nothing touches the disk. For documents of a few megabytes, since the document,
     * its prepared copy and the signed one are all held in memory; larger ones are signed from a file.
     * The outcome names no input or output file.
     *
     * @param name names the document in errors
     * @throws SignerException BAD_INPUT, NOT_SIGNABLE, CERTIFICATE_UNUSABLE, IO (writing to {@code signed}),
     *                         SIGNING_FAILED, TIMESTAMP_FAILED, LEVEL_UNREACHABLE
     */
    public SignOutcome sign(String name, byte[] document, OutputStream signed) {
        long start = System.nanoTime();
        DocumentFormat format = Documents.check(name, document);
        return sign(name, () -> DssDocuments.of(name, document), format, null, null, start, output -> {
            try {
                output.writeTo(signed);
            } catch (IOException e) {
                throw new SignerException(ErrorCode.IO, name + ": cannot write the signed document: " + e.getMessage(),
                        null, e);
            }
        });
    }

    private SignOutcome sign(String name, Supplier<DSSDocument> read, DocumentFormat format, Path input, Path output,
                             long start, Consumer<SignedOutput> write) {
        Instant now = Instant.now();
        CertificateCheck.requireUsable(key, now);
        FormatSigner signer = format == DocumentFormat.PDF ? pades.get() : xades.get();
        if (services.timestamps() != null) {
            services.timestamps().startRecording();
        }
        try (SignedOutput signed = Documents.withDss(name, read, format, "sign",
                document -> signer.sign(document, key, chain, options, Date.from(now), output))) {
            write.accept(signed);
        }
        List<URI> tsas = services.timestamps() == null ? List.of() : services.timestamps().usedSinceStart();
        return new SignOutcome(input, output, format, signer.levelName(options.level()),
                key.info().certificate().displayName(), now, tsas, (System.nanoTime() - start) / 1_000_000);
    }
}
