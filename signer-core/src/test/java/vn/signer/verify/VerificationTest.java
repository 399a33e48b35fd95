package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.report.Json;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.report.Words;

/** What the verifier concludes when something is missing or wrong, and the JSON it reports. */
class VerificationTest {
    @TempDir
    Path dir;

    @Test
    void aPdfWithoutSignaturesHasNoSignatureVerdict() {
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(Samples.pdf(dir));
        assertEquals(Verdict.NO_SIGNATURE, report.verdict());
        assertEquals(List.of(), report.signatures());
        assertEquals("PDF", report.format());
    }

    @Test
    void withoutTrustAnchorsAValidSignatureIsIndeterminateAndTheReasonSaysWhatToTrust() {
        Path signed = signedByOfficer();
        VerificationSettings untrusted = VerificationSettings.builder().intermediates(List.of(DemoPki.issuingCa()))
                .crlFiles(DemoPki.crls()).offline(true).build();
        SignatureReport signature = onlySignature(DocumentVerifier.create(untrusted).verify(signed));
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertNull(signature.trustAnchor());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("trusted root") && r.contains("root CA is not trusted")),
                signature.reasons().toString());
    }

    @Test
    void trustedButWithoutRevocationDataOfflineIsIndeterminateBecauseOfRevocation() {
        Path signed = signedByOfficer();
        VerificationSettings noCrl = VerificationSettings.builder().trust(List.of(DemoPki.root()))
                .intermediates(List.of(DemoPki.issuingCa())).offline(true).build();
        SignatureReport signature = onlySignature(DocumentVerifier.create(noCrl).verify(signed));
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertEquals("C=VN,O=signer DEMO PKI,CN=signer DEMO Root CA", signature.trustAnchor());
        // DSS 6.4: INDETERMINATE / CERTIFICATE_CHAIN_GENERAL_FAILURE with "No revocation data found for the certificate!".
        assertEquals("CERTIFICATE_CHAIN_GENERAL_FAILURE", signature.subIndication(), signature.toString());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("revocation")), signature.reasons().toString());
    }

    @Test
    void aSignatureByARevokedCertificateIsNeverValid() {
        TestPki pki = TestPki.create("revoked");
        TestPki.Entity signer = pki.signer("Phạm Văn Thu Hồi", "Sở TEST").issue();
        pki.revoke(signer.certificate(), Instant.now().minus(Duration.ofMinutes(10)));
        Path p12 = signer.writePkcs12(dir.resolve("revoked.p12"), "revoked", "x".toCharArray());
        Path signed = dir.resolve("signed-by-revoked.pdf");
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, request -> "x".toCharArray())) {
            // signer checks validity and key usage before signing, not revocation (that needs the network).
            DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults())
                    .sign(Samples.pdf(dir), signed, false);
        }
        VerificationReport report = DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki"))).verify(signed);
        SignatureReport signature = onlySignature(report);
        assertNotEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertTrue(signature.verdict() == Verdict.INVALID || signature.verdict() == Verdict.INDETERMINATE, signature.toString());
        assertEquals(signature.verdict(), report.verdict());
        // Revoked before the claimed signing time, and no timestamp proves the signature older: DSS 6.4 says
        // INDETERMINATE / REVOKED_NO_POE (signer may report it INVALID when the claimed time is after revocation).
        assertEquals("INDETERMINATE", signature.indication(), signature.toString());
        assertEquals("REVOKED_NO_POE", signature.subIndication(), signature.toString());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("revoked")), signature.reasons().toString());
    }

    @Test
    void unreadableFilesAreSignerExceptions() throws IOException {
        DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings());
        Path missing = dir.resolve("khong-co.pdf");
        SignerException e = assertThrows(SignerException.class, () -> verifier.verify(missing));
        assertEquals(ErrorCode.INPUT_MISSING, e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path folder = Files.createDirectory(dir.resolve("folder.pdf"));
        e = assertThrows(SignerException.class, () -> verifier.verify(folder));
        assertEquals(ErrorCode.INPUT_MISSING, e.code());

        Path garbage = Files.writeString(dir.resolve("garbage.pdf"), "%PDF-1.7\n" + "rác ".repeat(500), StandardCharsets.UTF_8);
        e = assertThrows(SignerException.class, () -> verifier.verify(garbage));
        assertTrue(e.code() == ErrorCode.BAD_INPUT || e.code() == ErrorCode.VERIFICATION_FAILED, e.code() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());

        Path text = Files.writeString(dir.resolve("note.pdf"), "không phải PDF", StandardCharsets.UTF_8);
        e = assertThrows(SignerException.class, () -> verifier.verify(text));
        assertEquals(ErrorCode.BAD_INPUT, e.code());
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }

    @Test
    void theJsonReportHasTheFieldsIntegratorsReadAndRoundTrips() throws IOException {
        Path signed = signedByOfficer();
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(signed);
        String line = Json.line(report);
        assertFalse(line.contains("\n"), "one line");

        JsonNode json = Json.mapper().readTree(line);
        assertEquals(signed.toString(), json.path("file").asText());
        assertEquals("VALID", json.path("verdict").asText());
        JsonNode signatures = json.path("signatures");
        assertEquals(1, signatures.size(), line);
        JsonNode signature = signatures.get(0);
        assertEquals("VALID", signature.path("verdict").asText());
        assertTrue(signature.path("reasons").isArray(), line);
        assertEquals(0, signature.path("reasons").size(), line);
        assertEquals(DemoPki.OFFICER_NAME, signature.path("signer").path("commonName").asText());
        assertEquals(DemoPki.ORGANISATION_NAME, signature.path("signer").path("organization").asText());
        assertEquals("PAdES-BASELINE-B", signature.path("level").asText());
        assertTrue(signature.path("coversWholeDocument").isBoolean(), line);
        assertTrue(signature.path("coversWholeDocument").asBoolean(), line);
        Instant signingTime = Instant.parse(signature.path("signingTime").asText());
        assertTrue(Duration.between(signingTime, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0, line);

        VerificationReport back = Json.mapper().readValue(line, VerificationReport.class);
        assertEquals(report, back, "the JSON reads back into the same report");
    }

    @Test
    void theJsonOfAnInvalidSignatureCarriesItsReasons() throws IOException {
        Path signed = signedByOfficer();
        VerificationSettings untrusted = VerificationSettings.builder().crlFiles(DemoPki.crls()).offline(true).build();
        JsonNode json = Json.mapper().readTree(Json.line(DocumentVerifier.create(untrusted).verify(signed)));
        assertEquals("INDETERMINATE", json.path("verdict").asText());
        JsonNode reasons = json.path("signatures").get(0).path("reasons");
        assertTrue(reasons.size() > 0, json.toString());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", reasons.get(0).path("code").asText(), json.toString());
        assertTrue(reasons.get(0).path("args").isArray(), json.toString());
        assertTrue(reasons.get(0).path("message").asText().contains("trusted root"), json.toString());
    }

    private Path signedByOfficer() {
        Path output = dir.resolve("signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults())
                    .sign(Samples.pdf(dir), output, false);
        }
        return output;
    }

    private static SignatureReport onlySignature(VerificationReport report) {
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }
}
