package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.Level;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import org.junit.jupiter.api.Test;
import vn.signer.dss.DefaultPolicy;

/** The XMLDSig policy relaxes exactly what a signature without XAdES properties cannot have. */
class XmlDsigPolicyTest {
    @Test
    void onlyTheSignedSigningTimeAndSignedPropertiesAreNotRequired() {
        ValidationPolicy standard = DefaultPolicy.create();
        ValidationPolicy plain = XmlDsigPolicy.create();
        assertEquals(Level.FAIL, standard.getSigningTimeConstraint(Context.SIGNATURE).getLevel());
        assertEquals(Level.IGNORE, plain.getSigningTimeConstraint(Context.SIGNATURE).getLevel());
        assertEquals(Level.FAIL, standard.getMessageDigestOrSignedPropertiesConstraint(Context.SIGNATURE).getLevel());
        assertEquals(Level.IGNORE, plain.getMessageDigestOrSignedPropertiesConstraint(Context.SIGNATURE).getLevel());
        // A claimed time must still fall within the certificate's validity; digests and values still count.
        assertEquals(Level.FAIL, plain.getSigningTimeInCertRangeConstraint(Context.SIGNATURE).getLevel());
        assertEquals(Level.FAIL, plain.getReferenceDataIntactConstraint(Context.SIGNATURE).getLevel());
        assertEquals(Level.FAIL, plain.getSignatureIntactConstraint(Context.SIGNATURE).getLevel());
    }
}
