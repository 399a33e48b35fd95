package vn.signer.dss;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.SubContext;
import eu.europa.esig.dss.model.policy.CryptographicSuite;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;

/**
 * DSS's default validation policy, with its cryptographic suites worked out once.
 *
 * <p>DSS hands out a new suite object for every algorithm check and each one re-reads the policy's
 * algorithm lists and parses their expiry dates: about a fifth of verifying a small PDF. The rules are
 * the same every time, so each (context, sub-context) gets one suite, evaluated here before any
 * thread sees it (DSS fills a suite's tables lazily without locking) and only read afterwards.
 */
public final class DefaultPolicy {
    private static final Context[] DOCUMENT_CONTEXTS = {
            Context.SIGNATURE, Context.COUNTER_SIGNATURE, Context.TIMESTAMP, Context.REVOCATION};
    private static final SubContext[] CERTIFICATES = {SubContext.SIGNING_CERT, SubContext.CA_CERTIFICATE};

    private DefaultPolicy() {
    }

    public static ValidationPolicy create() {
        return withSuitesEvaluated(ValidationPolicyLoader.fromDefaultValidationPolicy().create());
    }

    /** {@code base} with one evaluated suite per (context, sub-context), as for the default policy. */
    public static ValidationPolicy withSuitesEvaluated(ValidationPolicy base) {
        ValidationPolicyLoader loader = ValidationPolicyLoader.fromValidationPolicy(base);
        for (Context context : DOCUMENT_CONTEXTS) {
            loader.withCryptographicSuiteForContext(evaluated(base.getSignatureCryptographicConstraint(context)), context, null);
            for (SubContext certificate : CERTIFICATES) {
                loader.withCryptographicSuiteForContext(
                        evaluated(base.getCertificateCryptographicConstraint(context, certificate)), context, certificate);
            }
        }
        return loader.create();
    }

    private static CryptographicSuite evaluated(CryptographicSuite suite) {
        suite.getAcceptableDigestAlgorithms();
        suite.getAcceptableSignatureAlgorithms();
        return suite;
    }
}
