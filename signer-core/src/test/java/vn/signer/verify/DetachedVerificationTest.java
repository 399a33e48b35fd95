package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.ReportDetails;
import vn.signer.report.Remark;
import vn.signer.report.Words;
import vn.signer.testing.DemoPki;
import vn.signer.testing.DetachedSamples;

/**
 * A detached XAdES signature, its content given for one verification (as the server's page and API give
 * it) or in the settings (as signer verify --detached does): VALID with it, INDETERMINATE without (its
 * value unchecked, never INVALID), INVALID with it changed; the report's details name each content.
 */
class DetachedVerificationTest {
    @TempDir
    static Path dir;
    static DetachedSamples samples;
    static DocumentVerifier verifier;

    @BeforeAll
    static void sign() {
        samples = DetachedSamples.write(dir);
        verifier = DocumentVerifier.create(DemoPki.settings());
    }

    @Test
    void withItsContentTheSignatureIsValid() {
        VerificationReport report = verifier.verify(samples.signature(), List.of(DetachedContent.of(samples.content())));
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    @Test
    void withoutItItIsIndeterminateBecauseTheContentWasNotGiven() {
        SignatureReport signature = verifier.verify(samples.signature()).signatures().get(0);
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertEquals(Remark.of("xml.detached.notGiven", DetachedSamples.NAME), signature.reasons().get(0));
        assertTrue(Words.ENGLISH.texts(signature.reasons()).get(0).startsWith("the signed content was not given"));
        assertTrue(signature.reasons().stream().noneMatch(r -> r.code().equals("SIG_CRYPTO_FAILURE")), signature.toString());
    }

    @Test
    void withItChangedItIsInvalid() {
        VerificationReport report = verifier.verify(samples.signature(), List.of(DetachedContent.of(samples.changed())));
        assertEquals(Verdict.INVALID, report.verdict(), report.toString());
        assertTrue(report.signatures().get(0).reasons().contains(Remark.of("HASH_FAILURE")), report.toString());
    }

    @Test
    void theSettingsContentsAreUsedAndNamedInTheReportDetails() {
        VerificationSettings settings = VerificationSettings.builder().trust(DemoPki.settings().trustAnchors())
                .intermediates(DemoPki.settings().intermediates()).crlFiles(DemoPki.settings().crlFiles())
                .detachedContents(List.of(samples.content())).build();
        assertEquals(Verdict.VALID, DocumentVerifier.create(settings).verify(samples.signature()).verdict());
        ReportDetails details = ReportDetails.of("00", null, settings);
        assertEquals(List.of(new ReportDetails.Content(DetachedSamples.NAME, ReportDetails.sha256(samples.content()))),
                details.detached());
    }
}
