package vn.signer.verify;

import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.signer.dss.DefaultPolicy;

/**
 * DSS's default policy for plain XMLDSig signatures (xmlsec1, Santuario, .NET SignedXml, e-invoices),
 * which carry no XAdES signed properties: it does not require a signed signing time or signed
 * properties, which such a signature cannot have. Everything else stays: references, signature value,
 * a signing certificate found and chained to a trust anchor, revocation, algorithms, and a claimed
 * signing time (from its SignatureProperty) within the certificate's validity. Used only for
 * signatures DSS reads as XML_NOT_ETSI, never for XAdES.
 */
final class XmlDsigPolicy {
    private static final String DEFAULT = "/policy/constraint.xml";
    private static final String[] RELAXED = {"SigningTime", "MessageDigestOrSignedPropertiesPresent"};

    private XmlDsigPolicy() {
    }

    static ValidationPolicy create() {
        String policy = defaultPolicy();
        for (String constraint : RELAXED) {
            String required = "<" + constraint + " Level=\"FAIL\" />";
            if (!policy.contains(required)) {
                // A DSS upgrade changed its policy file: better to stop than to relax something else.
                throw new IllegalStateException("DSS's default policy no longer says " + required);
            }
            policy = policy.replace(required, "<" + constraint + " Level=\"IGNORE\" />");
        }
        return DefaultPolicy.withSuitesEvaluated(ValidationPolicyLoader.fromValidationPolicy(
                new ByteArrayInputStream(policy.getBytes(StandardCharsets.UTF_8))).create());
    }

    private static String defaultPolicy() {
        try (InputStream in = ValidationPolicyLoader.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("DSS's default policy " + DEFAULT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
