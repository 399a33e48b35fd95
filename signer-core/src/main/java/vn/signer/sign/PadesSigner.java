package vn.signer.sign;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import vn.signer.appearance.SigningContext;
import vn.signer.appearance.VisibleSignature;
import vn.signer.dss.ContentsPatch;
import vn.signer.dss.DssDocuments;
import vn.signer.dss.OpenPadesService;
import vn.signer.dss.StagedResources;
import vn.signer.certs.CertificateSummary;

/**
 * PAdES signatures, always as an incremental update so that earlier signatures stay valid.
 * An approval signature unless certification is asked for.
 */
final class PadesSigner implements FormatSigner {
    /**
     * The least space reserved for a signature. Kept small on purpose: PDFBox writes the reserved space
     * as hex one byte at a time (a fifth of signing a one-page PDF at DSS's default of 9,472 bytes), and
     * every signed file carries it; {@link #contentSize} adds what the real chain needs.
     */
    private static final int MIN_CONTENT_SIZE = 4_096;
    /** Room for a timestamp token with its TSA's chain of up to three certificates. */
    private static final int TIMESTAMP_ROOM = 12_288;
    /** A document (archive) timestamp: DSS's default space plus room for the TSA's chain. */
    private static final int ARCHIVE_TIMESTAMP_SIZE = 9_472 + TIMESTAMP_ROOM;

    private final CertificateVerifier verifier;
    private final SigningServices services;
    private final OpenPadesService inMemory;

    PadesSigner(CertificateVerifier verifier, SigningServices services) {
        this.verifier = verifier;
        this.services = services;
        this.inMemory = service(new PdfBoxNativeObjectFactory());
    }

    private OpenPadesService service(PdfBoxNativeObjectFactory factory) {
        OpenPadesService service = new OpenPadesService(verifier);
        // The native factory draws real text; the default turns text into images.
        factory.setPdfSignatureFieldPositionChecker(VisibleSignature.positionChecker());
        service.setPdfObjFactory(factory);
        if (services.timestamps() != null) {
            service.setTspSource(services.timestamps());
        }
        return service;
    }

    @Override
    public PreparedFormat prepare(DSSDocument document, List<X509Certificate> chain, SignatureOptions options,
                            Date signingTime, Path output) {
        if (!DssDocuments.isLarge(document)) {
            return prepare(inMemory, document, chain, options, signingTime, () -> { }, null);
        }
        // A large document is prepared in files, so that memory does not grow with it; one service per
        // document: DSS's working copies go beside the output and are removed once the output is
        // written, unless the prepared one has become the output.
        StagedResources files = new StagedResources(output);
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.fileOnly());
        factory.setResourcesHandlerBuilder(files);
        try {
            return prepare(service(factory), document, chain, options, signingTime, files::clear, files);
        } catch (RuntimeException e) {
            files.clear();
            throw e;
        }
    }

    private PreparedFormat prepare(OpenPadesService service, DSSDocument document, List<X509Certificate> chain, SignatureOptions options,
                             Date signingTime, Runnable release, StagedResources files) {
        CertificateSummary signer = CertificateSummary.of(chain.get(0));
        PAdESSignatureParameters parameters = parameters(options.level());
        DssParameters.applyCommon(parameters, chain, options, signingTime);
        parameters.setContentSize(contentSize(chain, options.level()));
        parameters.setReason(options.reason());
        parameters.setLocation(options.location());
        parameters.setContactInfo(options.contactInfo());
        parameters.setSignerName(signer.commonName());
        parameters.setAppName("signer");
        if (options.appearance() != null) {
            parameters.setImageParameters(VisibleSignature.parameters(options.appearance(), document,
                    new SigningContext(signer.commonName(), signer.organization(),
                            options.reason(), options.location(), signingTime.toInstant())));
        }
        if (options.certify()) {
            // DocMDP P=2: form filling and signing only, as SignatureOptions and --certify promise
            // (CHANGES_PERMITTED, P=3, would also let anyone add annotations over the certified content).
            parameters.setPermission(CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        }
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return PreparedFormat.of(toBeSigned, value -> {
            DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
            if (options.level() == Level.B && prepared != null) {
                ContentsPatch patch = ContentsPatch.of(prepared, service.cms(document, parameters, value),
                        files == null ? null : files.of(prepared));
                if (patch != null) {
                    return SignedOutput.of(patch, release);
                }
            }
            return SignedOutput.of(service.signDocument(document, parameters, value), release);
        }, release);
    }

    @Override
    public DSSDocument extend(DSSDocument document, Level level) {
        return inMemory.extendDocument(document, parameters(level));
    }

    private static PAdESSignatureParameters parameters(Level level) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(level));
        // The archive timestamp is a signature of its own, with its own reserved space.
        parameters.getArchiveTimestampParameters().setContentSize(ARCHIVE_TIMESTAMP_SIZE);
        return parameters;
    }

    /**
     * The space reserved for the CMS signature, from the real chain: too small and signing fails at the
     * last step, too large and every document carries kilobytes of zeros.
     */
    static int contentSize(List<X509Certificate> chain, Level level) {
        int size = 2_048 + chain.get(0).getPublicKey().getEncoded().length * 2;
        for (X509Certificate cert : chain) {
            size += DssParameters.encodedLength(cert);
        }
        if (level.needsTimestamp()) {
            size += TIMESTAMP_ROOM;
        }
        return Math.max(MIN_CONTENT_SIZE, (size + 1023) / 1024 * 1024);
    }

    private static SignatureLevel dssLevel(Level level) {
        return switch (level) {
            case B -> SignatureLevel.PAdES_BASELINE_B;
            case T -> SignatureLevel.PAdES_BASELINE_T;
            case LT -> SignatureLevel.PAdES_BASELINE_LT;
            case LTA -> SignatureLevel.PAdES_BASELINE_LTA;
        };
    }

    @Override
    public String levelName(Level level) {
        return dssLevel(level).toString();
    }
}
