package vn.signer.dss;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.AIASource;
import vn.signer.net.RequestBudget;
import vn.signer.verify.VerificationSettings;

/**
 * The DSS certificate verifier for a {@link VerificationSettings}: trust anchors, intermediates, CRL
 * files and, unless offline, AIA, CRL and OCSP fetching through signer's network gate. Verification
 * uses it, and so does signing at LT and LTA, which must build the chain and gather revocation data
 * exactly as a verifier would.
 */
public final class CertificateVerifiers {
    private CertificateVerifiers() {
    }

    public static CommonCertificateVerifier create(VerificationSettings settings) {
        RequestBudget budget = new RequestBudget(settings.network());
        CommonCertificateVerifier verifier = new Budgeted(budget);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        settings.trustAnchors().forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        verifier.setTrustedCertSources(trusted);
        CommonCertificateSource adjunct = new CommonCertificateSource();
        settings.intermediates().forEach(c -> adjunct.addCertificate(new CertificateToken(c)));
        verifier.setAdjunctCertSources(adjunct);
        RevocationSources.configure(verifier, settings, budget);
        return verifier;
    }

    /**
     * Starts a new request budget on this thread whenever DSS begins an operation with this verifier.
     * DSS 6.4 copies the verifier at the start of each validation and each augmentation
     * (CertificateVerifierBuilder.buildCompleteCopy, which asks for the AIA source before any other
     * source) and then works only with the copy, so that request is where one verification's
     * requests start to count. GateTest's endless chain checks that the count is not started again
     * during a verification.
     */
    private static final class Budgeted extends CommonCertificateVerifier {
        private final transient RequestBudget budget;

        Budgeted(RequestBudget budget) {
            this.budget = budget;
        }

        @Override
        public AIASource getAIASource() {
            budget.restart();
            return super.getAIASource();
        }
    }
}
