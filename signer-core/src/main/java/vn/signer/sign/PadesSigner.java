package vn.signer.sign;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.util.Date;
import vn.signer.keys.SigningKey;

/**
 * PAdES signatures, always as an incremental update so that earlier signatures stay valid.
 * An approval signature unless certification is asked for.
 */
final class PadesSigner implements FormatSigner {
    private final PAdESService service;

    PadesSigner() {
        service = new PAdESService(new CommonCertificateVerifier());
        // The native factory draws real text; the default turns text into images.
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
    }

    @Override
    public DSSDocument sign(DSSDocument document, SigningKey key, SignatureOptions options, Date signingTime) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        DssParameters.applyCommon(parameters, key, options, signingTime);
        parameters.setReason(options.reason());
        parameters.setLocation(options.location());
        parameters.setContactInfo(options.contactInfo());
        parameters.setSignerName(key.info().certificate().commonName());
        parameters.setAppName("signer");
        if (options.certify()) {
            parameters.setPermission(CertificationPermission.CHANGES_PERMITTED);
        }
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return service.signDocument(document, parameters, DssParameters.signatureValue(toBeSigned, key, options));
    }

    @Override
    public String levelName() {
        return SignatureLevel.PAdES_BASELINE_B.toString();
    }
}
