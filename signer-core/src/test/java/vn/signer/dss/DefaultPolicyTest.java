package vn.signer.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SubContext;
import eu.europa.esig.dss.model.policy.CryptographicSuite;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.policy.CryptographicSuiteUtils;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {
    private final ValidationPolicy fresh = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    private final ValidationPolicy kept = DefaultPolicy.create();

    @Test
    void everyContextGetsTheSameAlgorithmRulesAsDssWouldWorkOutEachTime() {
        for (Context context : List.of(Context.SIGNATURE, Context.COUNTER_SIGNATURE, Context.TIMESTAMP, Context.REVOCATION)) {
            same(fresh.getSignatureCryptographicConstraint(context), kept.getSignatureCryptographicConstraint(context),
                    context + "");
            for (SubContext sub : SubContext.values()) {
                same(fresh.getCertificateCryptographicConstraint(context, sub),
                        kept.getCertificateCryptographicConstraint(context, sub), context + "/" + sub);
            }
        }
    }

    @Test
    void theRulesAreWorkedOutOnceAndStillRefuseWeakAlgorithms() {
        CryptographicSuite signature = kept.getSignatureCryptographicConstraint(Context.SIGNATURE);
        assertSame(signature, kept.getSignatureCryptographicConstraint(Context.SIGNATURE));
        Date now = new Date();
        assertTrue(CryptographicSuiteUtils.isSignatureAlgorithmReliableAtTime(signature, SignatureAlgorithm.RSA_SHA256, "3072", now));
        assertFalse(CryptographicSuiteUtils.isSignatureAlgorithmReliableAtTime(signature, SignatureAlgorithm.RSA_SHA256, "1024", now));
        assertFalse(CryptographicSuiteUtils.isSignatureAlgorithmReliableAtTime(signature, SignatureAlgorithm.RSA_MD5, "3072", now));
    }

    private static void same(CryptographicSuite expected, CryptographicSuite actual, String where) {
        assertEquals(expected.getAcceptableDigestAlgorithms(), actual.getAcceptableDigestAlgorithms(), where);
        assertEquals(expected.getAcceptableSignatureAlgorithms(), actual.getAcceptableSignatureAlgorithms(), where);
        assertEquals(Stream.of(expected.getLevel(), expected.getAcceptableSignatureAlgorithmsLevel(),
                        expected.getAlgorithmsExpirationDateLevel(), expected.getCryptographicSuiteUpdateDate()).toList(),
                Stream.of(actual.getLevel(), actual.getAcceptableSignatureAlgorithmsLevel(),
                        actual.getAlgorithmsExpirationDateLevel(), actual.getCryptographicSuiteUpdateDate()).toList(), where);
    }
}
