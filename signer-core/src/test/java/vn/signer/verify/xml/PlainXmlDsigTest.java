package vn.signer.verify.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.TestPki;
import vn.signer.testing.XmlCorpus;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;
import vn.signer.report.Remark;
import vn.signer.report.Words;

/** Plain XMLDSig and e-invoice signatures: one entry per signature, their facts, and cryptographic failures. */
@Tag("native")
class PlainXmlDsigTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static XmlCorpus corpus;

    @BeforeAll
    static void corpus() {
        pki = TestPki.create("plain-xmldsig");
        corpus = new XmlCorpus(pki, dir.resolve("work"), "http://127.0.0.1:9");
    }

    private static VerificationReport verify(String name, VerificationSettings settings) {
        return DocumentVerifier.create(settings).verify(corpus.named(name).write(dir.resolve("corpus")));
    }

    private static VerificationSettings trusted() {
        return DemoPki.settings(pki, dir.resolve("pki"));
    }

    @Test
    void anEInvoiceGetsOneValidEntryPerSignatureWithItsSignerAndLocalSigningTime() {
        VerificationReport report = verify("e-invoice-nban-cqt", trusted());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size(), report.toString());
        SignatureReport seller = report.signatures().get(0);
        SignatureReport taxAuthority = report.signatures().get(1);
        assertEquals("Công ty TNHH Sông Lam", seller.signer().commonName(), seller.toString());
        assertEquals("Tổng cục Thuế", taxAuthority.signer().commonName());
        for (SignatureReport signature : report.signatures()) {
            assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
            assertEquals("XMLDSig", signature.level());
            assertEquals("XMLDSig", signature.format());
            assertEquals("RSA_SHA256", signature.signatureAlgorithm());
            assertFalse(signature.coversWholeDocument(), "an e-invoice signature covers DLHDon, not DSCKS");
            assertTrue(Words.ENGLISH.texts(signature.warnings()).stream().anyMatch(w -> w.contains("Circular 78/2021")), signature.toString());
        }
        // Written an hour and a minute ago in Vietnam local time without a zone: read at +07:00, not as UTC.
        assertNear(Instant.now().minus(Duration.ofHours(1)), seller.signingTime());
        assertNear(Instant.now().minus(Duration.ofMinutes(1)), taxAuthority.signingTime());
    }

    @Test
    void theBuyersSignatureIsAThirdEntryInDocumentOrder() {
        VerificationReport report = verify("e-invoice-nban-nmua-cqt", trusted());
        assertEquals(List.of("Công ty TNHH Sông Lam", "Công ty Cổ phần Hồng Lĩnh", "Tổng cục Thuế"),
                report.signatures().stream().map(s -> s.signer().commonName()).toList(), report.toString());
        assertTrue(report.signatures().stream().allMatch(s -> s.verdict() == Verdict.VALID), report.toString());
    }

    private static void assertNear(Instant expected, Instant actual) {
        assertNotNull(actual);
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(3)) < 0, expected + " vs " + actual);
    }

    @Test
    void aChangedCharacterIsInvalidEvenWhenTheCertificateCannotBeTrusted() {
        VerificationSettings nothing = VerificationSettings.builder().offline(true).build();
        SignatureReport intact = only(verify("xmlsec1-enveloped", nothing));
        assertEquals(Verdict.INDETERMINATE, intact.verdict(), intact.toString());
        SignatureReport tampered = only(verify("xmlsec1-one-character", nothing));
        assertEquals(Verdict.INVALID, tampered.verdict(), tampered.toString());
        assertTrue(Words.ENGLISH.text(tampered.reasons().get(0)).contains("changed after signing"), tampered.reasons().toString());

        VerificationSettings noRevocation = VerificationSettings.builder().trust(List.of(pki.root()))
                .intermediates(List.of(pki.issuingCa())).offline(true).build();
        assertEquals(Verdict.INDETERMINATE, only(verify("e-invoice-nban", noRevocation)).verdict());
        VerificationReport invoice = verify("e-invoice-one-character", noRevocation);
        assertTrue(invoice.signatures().stream().allMatch(s -> s.verdict() == Verdict.INVALID), invoice.toString());
    }

    @Test
    void aPlainSignatureCoveringTheRootIsValidAndCoversTheWholeDocument() {
        SignatureReport signature = only(verify("dotnet-signedxml-layout", trusted()));
        assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertTrue(signature.coversWholeDocument(), signature.toString());
        assertEquals(List.of(), signature.reasons());
        assertEquals(null, signature.signingTime(), "no SignatureProperty, no claimed time");
    }

    @Test
    void aShortHmacIsAnInvalidSignatureWithItsReasonInBothLanguages() {
        Path file = corpus.named("hmac-output-length-64").write(dir.resolve("corpus"));
        SignatureReport english = only(DocumentVerifier.create(trusted()).verify(file));
        assertEquals(Verdict.INVALID, english.verdict());
        assertTrue(Words.ENGLISH.text(english.reasons().get(0)).contains("64 bits") && Words.ENGLISH.text(english.reasons().get(0)).contains("CVE-2009-0217"),
                english.reasons().toString());
        assertEquals(Remark.of("xml.hmac.truncated", "64"), english.reasons().get(0));
        assertTrue(Words.VIETNAMESE.text(english.reasons().get(0)).contains("bị cắt còn 64 bit"), english.reasons().toString());
    }

    @Test
    void aPartialSignatureSaysSoAndIsIndeterminate() {
        SignatureReport signature = only(verify("partial-child-by-id", trusted()));
        assertEquals(Verdict.INDETERMINATE, signature.verdict());
        assertEquals(List.of("the signature covers only part of the XML document"), Words.ENGLISH.texts(signature.reasons()));
        assertFalse(signature.coversWholeDocument());
    }

    private static SignatureReport only(VerificationReport report) {
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }
}
