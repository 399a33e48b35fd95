package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.document.SafeXml;
import vn.signer.files.AtomicOutput;
import vn.signer.dss.CertificateVerifiers;

/**
 * Raises the signatures of signed documents to LT or LTA without touching them: adds the missing
 * signature timestamp, the validation data, and for LTA an archive timestamp (renewing it when the
 * document is LTA already). Needs a TSA, trust anchors and the network.
 */
public final class DocumentExtender {
    private final Level level;
    private final SigningServices services;
    private final Lazily<PadesSigner> pades;
    private final Lazily<XadesSigner> xades;

    private DocumentExtender(Level level, SigningServices services) {
        this.level = level;
        this.services = services;
        CommonCertificateVerifier verifier = CertificateVerifiers.create(services.trust());
        this.pades = new Lazily<>(() -> new PadesSigner(verifier, services));
        this.xades = new Lazily<>(() -> new XadesSigner(verifier, services));
    }

    /**
     * @throws SignerException USAGE (a level below LT, no TSA, no trust anchors), LEVEL_UNREACHABLE (offline)
     */
    public static DocumentExtender create(Level level, SigningServices services) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(services, "services");
        if (!level.needsValidationData()) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("extend.level", level));
        }
        DocumentSigner.requireServicesFor(level, services);
        return new DocumentExtender(level, services);
    }

    /** Where an extended copy of {@code input} goes by default: {@code NAME-LT.EXT} or {@code NAME-LTA.EXT}. */
    public Path defaultOutput(Path input) {
        return Documents.sibling(input, "-" + level);
    }

    /**
     * Extends every signature of {@code input} into {@code output}.
     *
     * @throws SignerException INPUT_MISSING, BAD_INPUT, NOT_SIGNABLE (e.g. no signature), OUTPUT_EXISTS, IO,
     *                         TIMESTAMP_FAILED, LEVEL_UNREACHABLE
     */
    public SignOutcome extend(Path input, Path output, boolean overwrite) {
        long start = System.nanoTime();
        DocumentFormat format = Documents.prepare(input, output, overwrite);
        if (format == DocumentFormat.XML) {
            // Extending reads the whole document as DSS's tree: only signing and verifying stream a larger one.
            SafeXml.requireWithin(input.toString(), Documents.size(input), SafeXml.largestForHeap());
        }
        FormatSigner signer = format == DocumentFormat.PDF ? pades.get() : xades.get();
        services.timestamps().startRecording();
        DSSDocument extended = Documents.withDss(input, format, "extend", document -> signer.extend(document, level));
        AtomicOutput.write(output, overwrite, extended::writeTo);
        List<URI> tsas = services.timestamps().usedSinceStart();
        return new SignOutcome(input, output, format, signer.levelName(level), null, null, tsas,
                (System.nanoTime() - start) / 1_000_000);
    }
}
