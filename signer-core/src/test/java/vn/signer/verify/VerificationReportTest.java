package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.SignedSamples;
import vn.signer.testing.TestPki;

/** A report's verdict cannot be better than its signatures allow, and a report over none is never VALID. */
class VerificationReportTest {
    @TempDir
    Path dir;

    @Test
    void aReportOverNoSignatureIsNoSignatureAndCannotBeMadeValid() {
        assertEquals(Verdict.NO_SIGNATURE, VerificationReport.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new VerificationReport("empty.pdf", "PDF", Verdict.VALID, List.of(), Instant.EPOCH));
        assertEquals(Verdict.NO_SIGNATURE,
                new VerificationReport("empty.pdf", "PDF", Verdict.NO_SIGNATURE, List.of(), Instant.EPOCH).verdict());
    }

    @Test
    void aReportCannotClaimABetterVerdictThanItsSignatures() {
        // Checked without any trust anchor: INDETERMINATE.
        Path signed = SignedSamples.pdfEmbeddingOnlyTheSigner(TestPki.create("report").signer("Người Ký", "TEST").issue(), dir);
        VerificationReport untrusted = DocumentVerifier.create(VerificationSettings.builder().build()).verify(signed);
        assertEquals(Verdict.INDETERMINATE, untrusted.verdict(), untrusted.toString());
        assertThrows(IllegalArgumentException.class, () -> new VerificationReport(untrusted.file(), untrusted.format(),
                Verdict.VALID, untrusted.signatures(), untrusted.validationTime()));
    }
}
