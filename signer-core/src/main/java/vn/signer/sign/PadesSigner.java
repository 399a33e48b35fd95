package vn.signer.sign;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import vn.signer.appearance.SigningContext;
import vn.signer.appearance.VisibleSignature;
import vn.signer.keys.SigningKey;

/**
 * PAdES signatures, always as an incremental update so that earlier signatures stay valid.
 * An approval signature unless certification is asked for.
 */
final class PadesSigner implements FormatSigner {
    /** DSS's own default; enough for B-B with a short chain. */
    private static final int MIN_CONTENT_SIZE = 9_472;
    /** Room for a timestamp token with its TSA's chain of up to three certificates. */
    private static final int TIMESTAMP_ROOM = 12_288;

    private final PAdESService service;

    PadesSigner(CertificateVerifier verifier, SigningServices services) {
        service = new PAdESService(verifier);
        // The native factory draws real text; the default turns text into images.
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setPdfSignatureFieldPositionChecker(VisibleSignature.positionChecker());
        service.setPdfObjFactory(factory);
        if (services.timestamps() != null) {
            service.setTspSource(services.timestamps());
        }
    }

    @Override
    public DSSDocument sign(DSSDocument document, SigningKey key, List<X509Certificate> chain, SignatureOptions options,
                     Date signingTime) {
        PAdESSignatureParameters parameters = parameters(options.level());
        DssParameters.applyCommon(parameters, key, chain, options, signingTime);
        parameters.setContentSize(contentSize(key, chain, options.level()));
        parameters.setReason(options.reason());
        parameters.setLocation(options.location());
        parameters.setContactInfo(options.contactInfo());
        parameters.setSignerName(key.info().certificate().commonName());
        parameters.setAppName("signer");
        if (options.appearance() != null) {
            parameters.setImageParameters(VisibleSignature.parameters(options.appearance(), document,
                    new SigningContext(key.info().certificate().commonName(), key.info().certificate().organization(),
                            options.reason(), options.location(), signingTime.toInstant())));
        }
        if (options.certify()) {
            // DocMDP P=2: form filling and signing only, as SignatureOptions and --certify promise
            // (CHANGES_PERMITTED, P=3, would also let anyone add annotations over the certified content).
            parameters.setPermission(CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        }
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return service.signDocument(document, parameters, DssParameters.signatureValue(toBeSigned, key, options));
    }

    @Override
    public DSSDocument extend(DSSDocument document, Level level) {
        return service.extendDocument(document, parameters(level));
    }

    private static PAdESSignatureParameters parameters(Level level) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(level));
        // The archive timestamp is a signature of its own, with its own reserved space.
        parameters.getArchiveTimestampParameters().setContentSize(MIN_CONTENT_SIZE + TIMESTAMP_ROOM);
        return parameters;
    }

    /**
     * The space reserved for the CMS signature, from the real chain: too small and signing fails at the
     * last step, too large and every document carries kilobytes of zeros.
     */
    static int contentSize(SigningKey key, List<X509Certificate> chain, Level level) {
        int size = 2_048 + key.certificate().getPublicKey().getEncoded().length * 2;
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
