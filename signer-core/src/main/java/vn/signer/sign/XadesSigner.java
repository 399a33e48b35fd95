package vn.signer.sign;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/** XAdES signatures: enveloped by default, enveloping or detached on request. */
final class XadesSigner implements FormatSigner {
    private final XAdESService service;

    XadesSigner(CertificateVerifier verifier, SigningServices services) {
        service = new XAdESService(verifier);
        if (services.timestamps() != null) {
            service.setTspSource(services.timestamps());
        }
    }

    @Override
    public PreparedFormat prepare(DSSDocument document, List<X509Certificate> chain, SignatureOptions options,
                            Date signingTime, Path output) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(options.level()));
        parameters.setSignaturePackaging(switch (options.xmlPackaging()) {
            case ENVELOPED -> SignaturePackaging.ENVELOPED;
            case ENVELOPING -> SignaturePackaging.ENVELOPING;
            case DETACHED -> SignaturePackaging.DETACHED;
        });
        DssParameters.applyCommon(parameters, chain, options, signingTime);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return PreparedFormat.of(toBeSigned,
                value -> SignedOutput.of(service.signDocument(document, parameters, value), () -> { }), () -> { });
    }

    @Override
    public DSSDocument extend(DSSDocument document, Level level) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(level));
        return service.extendDocument(document, parameters);
    }

    private static SignatureLevel dssLevel(Level level) {
        return switch (level) {
            case B -> SignatureLevel.XAdES_BASELINE_B;
            case T -> SignatureLevel.XAdES_BASELINE_T;
            case LT -> SignatureLevel.XAdES_BASELINE_LT;
            case LTA -> SignatureLevel.XAdES_BASELINE_LTA;
        };
    }

    @Override
    public String levelName(Level level) {
        return dssLevel(level).toString();
    }
}
