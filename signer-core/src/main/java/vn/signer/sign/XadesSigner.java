package vn.signer.sign;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.util.Date;
import vn.signer.keys.SigningKey;

/** XAdES signatures: enveloped by default, enveloping or detached on request. */
final class XadesSigner implements FormatSigner {
    private final XAdESService service = new XAdESService(new CommonCertificateVerifier());

    @Override
    public DSSDocument sign(DSSDocument document, SigningKey key, SignatureOptions options, Date signingTime) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(switch (options.xmlPackaging()) {
            case ENVELOPED -> SignaturePackaging.ENVELOPED;
            case ENVELOPING -> SignaturePackaging.ENVELOPING;
            case DETACHED -> SignaturePackaging.DETACHED;
        });
        DssParameters.applyCommon(parameters, key, options, signingTime);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return service.signDocument(document, parameters, DssParameters.signatureValue(toBeSigned, key, options));
    }

    @Override
    public String levelName() {
        return SignatureLevel.XAdES_BASELINE_B.toString();
    }
}
