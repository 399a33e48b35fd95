package vn.signer.sign;

import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.keys.SigningKey;
import vn.signer.dss.CertificateVerifiers;
import vn.signer.verify.VerificationSettings;

/**
 * Signs documents with a key at hand and one set of options, in one call: PDF as PAdES, XML as XAdES,
 * told apart by content. Each document goes through the stages of {@link Signing} (prepare, complete
 * with the key, augment), so the certificate is checked before every document (a long batch may
 * outlive it), inputs are never modified, and outputs appear whole or not at all. Safe to use from
 * several threads.
 */
public final class DocumentSigner {
    private final SigningKey key;
    private final SignatureOptions options;
    private final Signing signing;

    private DocumentSigner(SigningKey key, SignatureOptions options, Signing signing) {
        this.key = key;
        this.options = options;
        this.signing = signing;
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
        CertificateCheck.requireUsable(key.info().certificate(), services.clock().instant());
        requireServicesFor(options.level(), services);
        if (options.level().needsValidationData()) {
            requireChain(key, options.level(), services);
        }
        // The issuers the key store holds complete the chain as the configured ones do.
        SigningServices withIssuers = new SigningServices(services.timestamps(),
                withIssuers(services.trust(), key.chain()), services.clock());
        return new DocumentSigner(key, options, Signing.create(withIssuers));
    }

    /**
     * This signer with other options (a request's own reason, location or level), sharing its prepared
     * services: nothing is set up again and nothing is contacted. The services a level needs are checked
     * to be configured; unlike {@link #create}, a higher level's chain is not looked up beforehand.
     *
     * @throws SignerException USAGE, LEVEL_UNREACHABLE
     */
    public DocumentSigner withOptions(SignatureOptions options) {
        Objects.requireNonNull(options, "options");
        requireServicesFor(options.level(), signing.services());
        return new DocumentSigner(key, options, signing);
    }

    private static void requireChain(SigningKey key, Level level, SigningServices services) {
        PreflightReport chain = Preflight.chain(key, level, services.trust());
        if (!chain.reachable()) {
            throw new SignerException(ErrorCode.LEVEL_UNREACHABLE, Problem.of("sign.level.unreachable", level, chain.problems()));
        }
    }

    /** Checks that the services a level needs are configured, without contacting them. */
    static void requireServicesFor(Level level, SigningServices services) {
        if (level.needsTimestamp() && services.timestamps() == null) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("sign.level.needsTsa", level));
        }
        if (level.needsTimestamp() && services.trust().offline()) {
            throw new SignerException(ErrorCode.LEVEL_UNREACHABLE, Problem.of("sign.level.offline", level));
        }
        if (level.needsValidationData() && services.trust().trustAnchors().isEmpty()) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("sign.level.needsAnchor", level));
        }
    }

    /** The verifier signing uses: the configured trust plus the chain the key store holds. */
    static CommonCertificateVerifier certificateVerifier(SigningKey key, VerificationSettings trust) {
        return certificateVerifier(key.chain(), trust);
    }

    /** The verifier for a signer's {@code chain} (signer first), its issuers added to {@code trust}'s intermediates. */
    static CommonCertificateVerifier certificateVerifier(List<X509Certificate> chain, VerificationSettings trust) {
        return CertificateVerifiers.create(withIssuers(trust, chain));
    }

    private static VerificationSettings withIssuers(VerificationSettings trust, List<X509Certificate> chain) {
        List<X509Certificate> issuers = chain.subList(1, chain.size());
        return VerificationSettings.builder()
                .trust(trust.trustAnchors()).intermediates(trust.intermediates()).intermediates(issuers)
                .crlFiles(trust.crlFiles()).offline(trust.offline()).network(trust.network()).build();
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
        DocumentToSign document = DocumentToSign.file(input, output, format);
        return sign(document, input, output, start, signed -> signed.save(output, overwrite), Signing.isLargeXml(document));
    }

    /** {@link #sign(Path, Path, boolean)} of an XML file by streaming, whatever its size: the tests compare both paths. */
    SignOutcome signStreamed(Path input, Path output) {
        long start = System.nanoTime();
        DocumentToSign document = DocumentToSign.file(input, output, Documents.prepare(input, output, false));
        return sign(document, input, output, start, signed -> signed.save(output, false), true);
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
        return sign(DocumentToSign.inMemory(name, document), null, null, start, output -> output.writeTo(signed), false);
    }

    private SignOutcome sign(DocumentToSign document, Path input, Path output, long start, Consumer<SignedDocument> write,
                             boolean streamed) {
        try (PreparedSignature prepared = signing.prepare(document, key.chain(), options, streamed)) {
            SignedDocument signed = prepared.complete(key).augment();
            write.accept(signed);
            return new SignOutcome(input, output, signed.format(), signed.level(), key.info().certificate().displayName(),
                    signed.signingTime(), signed.timestampAuthorities(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
