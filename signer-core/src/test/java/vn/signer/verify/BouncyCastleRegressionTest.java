package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;

/**
 * Guards the BouncyCastle pin in the parent pom ({@code bouncycastle.version}, 1.83): BouncyCastle 1.85
 * to 1.87 make DSS 6.4 log "Extra data detected in stream" and report <em>no signature</em> (indication
 * null) on a valid PAdES file, without any exception, while signing keeps working (see the shared
 * dss-notes). Only a round trip through validation notices; this is that round trip. If it fails
 * after a dependency update, check {@code mvn dependency:tree -Dincludes=org.bouncycastle} first.
 */
class BouncyCastleRegressionTest {
    @TempDir
    Path dir;

    @Test
    void aSignedPdfValidatesWithExactlyOneTotalPassedSignature() {
        Path signed = dir.resolve("signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults())
                    .sign(Samples.pdf(dir), signed, false);
        }
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(signed);
        assertEquals(1, report.signatures().size(), "DSS must find the signature: " + report);
        SignatureReport signature = report.signatures().get(0);
        assertEquals("TOTAL_PASSED", signature.indication(), signature.toString());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    /** The same range as the enforcer's rule in the parent pom ({@code bouncycastle.range}), checked on the class path itself. */
    @Test
    void theBouncyCastleOnTheClassPathIsOneDssValidatesWith() {
        String version = new BouncyCastleProvider().getVersionStr();
        assertTrue(version.equals("1.83") || version.startsWith("1.83.") || version.equals("1.84") || version.startsWith("1.84."),
                "BouncyCastle " + version + " is outside 1.83 to 1.84, the versions DSS 6.4 validates PAdES with");
    }
}
