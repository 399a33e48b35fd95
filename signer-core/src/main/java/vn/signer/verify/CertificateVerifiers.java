package vn.signer.verify;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;

/**
 * The DSS certificate verifier for a {@link VerificationSettings}: trust anchors, intermediates, CRL
 * files and, unless offline, AIA, CRL and OCSP fetching. Verification uses it, and so does signing at
 * LT and LTA, which must build the chain and gather revocation data exactly as a verifier would.
 */
public final class CertificateVerifiers {
    private CertificateVerifiers() {
    }

    public static CommonCertificateVerifier create(VerificationSettings settings) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        settings.trustAnchors().forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        verifier.setTrustedCertSources(trusted);
        CommonCertificateSource adjunct = new CommonCertificateSource();
        settings.intermediates().forEach(c -> adjunct.addCertificate(new CertificateToken(c)));
        verifier.setAdjunctCertSources(adjunct);
        RevocationSources.configure(verifier, settings.crlFiles(), settings.offline());
        return verifier;
    }
}
