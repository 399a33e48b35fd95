package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.keys.SignatureScheme;
import vn.signer.testing.DemoPki;
import vn.signer.testing.LargePdf;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * Signing in stages with a key that is not at hand: the value is made here with the bare private key,
 * as a browser agent or a remote service would make it, from each form {@link DataToSign} offers.
 */
class SigningStagesTest {
    private static TestPki pki;
    private static TestPki.Entity rsa;
    private static TestPki.Entity ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("stages");
        rsa = pki.signer("Stages RSA", "TEST").issue();
        ec = pki.signer("Stages EC", "TEST").ec().issue();
    }

    @Test
    void rsaValueFromTheWholeBytesAndFromTheDigestInfoGiveTheSameValidSignature() throws Exception {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("signed.pdf");
        Signing signing = Signing.create(SigningServices.none());
        try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(input, output), rsa.chain(),
                SignatureOptions.defaults())) {
            DataToSign data = prepared.dataToSign();
            assertEquals(SignatureScheme.Digest.SHA256, data.digestAlgorithm());
            assertEquals("SHA256withRSA", data.signatureAlgorithm());
            assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256").digest(data.bytes()), data.digest());
            byte[] whole = sign("SHA256withRSA", rsa.key(), data.bytes());
            // A raw RSA key (PKCS#11 CKM_RSA_PKCS, a smart card) pads and signs the DigestInfo: the same value.
            Cipher raw = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            raw.init(Cipher.ENCRYPT_MODE, rsa.key());
            assertArrayEquals(whole, raw.doFinal(data.digestInfo()));
            assertArrayEquals(data.digestInfo(), data.forRawSigner(), "a raw RSA PKCS#1 v1.5 signer takes the DigestInfo");
            SignedDocument signed = prepared.complete(raw.doFinal(data.digestInfo())).augment();
            assertEquals("PAdES-BASELINE-B", signed.level());
            assertEquals(DocumentFormat.PDF, signed.format());
            assertEquals("Stages RSA", signed.signer().split(" \\(")[0]);
            signed.save(output);
        }
        VerificationReport report = verify(output);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void ecdsaValuesAreTakenInDerAndAsRawRAndS() throws Exception {
        Signing signing = Signing.create(SigningServices.none());
        for (boolean rawForm : new boolean[] {false, true}) {
            Path output = dir.resolve("ec-" + rawForm + ".pdf");
            try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(Samples.pdf(dir), output), ec.chain(),
                    SignatureOptions.defaults())) {
                assertEquals("SHA256withECDSA", prepared.dataToSign().signatureAlgorithm());
                assertArrayEquals(prepared.dataToSign().digest(), prepared.dataToSign().forRawSigner(), "an ECDSA signer takes the digest");
                byte[] der = sign("SHA256withECDSA", ec.key(), prepared.dataToSign().bytes());
                prepared.complete(rawForm ? rawRs(der) : der).augment().save(output);
            }
            VerificationReport report = verify(output);
            assertEquals(Verdict.VALID, report.verdict(), rawForm + " " + report);
        }
        try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(Samples.pdf(dir), dir.resolve("no.pdf")),
                ec.chain(), SignatureOptions.defaults())) {
            SignerException e = assertThrows(SignerException.class, () -> prepared.complete(new byte[63]));
            assertEquals(ErrorCode.SIGNATURE_VALUE_REFUSED, e.code());
            assertTrue(e.getMessage().contains("DER") && e.getMessage().contains("64 bytes"), e.getMessage());
        }
    }

    @Test
    void aWrongValueIsRefusedAndNothingIsWritten() throws Exception {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("signed.pdf");
        TestPki.Entity other = pki.signer("Someone Else", "TEST").issue();
        Signing signing = Signing.create(SigningServices.none());
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(input, output), rsa.chain(),
                    SignatureOptions.defaults())) {
                byte[] value = attempt == 0 ? sign("SHA256withRSA", rsa.key(), prepared.dataToSign().bytes())
                        : sign("SHA256withRSA", other.key(), prepared.dataToSign().bytes());
                if (attempt == 0) {
                    value[value.length / 2] ^= 1;
                }
                byte[] tampered = value;
                SignerException e = assertThrows(SignerException.class, () -> prepared.complete(tampered));
                assertEquals(ErrorCode.SIGNATURE_VALUE_REFUSED, e.code());
                assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
            }
        }
        assertFalse(Files.exists(output));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aPreparedSignatureIsCompletedOnce() throws Exception {
        Signing signing = Signing.create(SigningServices.none());
        try (PreparedSignature prepared = signing.prepare(DocumentToSign.inMemory("letter.pdf",
                Samples.bytes(Samples.pdf(dir))), rsa.chain(), SignatureOptions.defaults())) {
            byte[] value = sign("SHA256withRSA", rsa.key(), prepared.dataToSign().bytes());
            CompletedSignature completed = prepared.complete(value);
            SignerException again = assertThrows(SignerException.class, () -> prepared.complete(value));
            assertEquals(ErrorCode.SIGNATURE_VALUE_REFUSED, again.code());
            assertTrue(again.getMessage().contains("completed already"), again.getMessage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            completed.augment().writeTo(out);
            assertThrows(IllegalStateException.class, completed::augment);
            VerificationReport report = DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki")))
                    .verify("letter-signed.pdf", out.toByteArray());
            assertEquals(Verdict.VALID, report.verdict(), report.toString());
        }
    }

    @Test
    void theSigningTimeIsFixedAtPrepareFromTheServicesClock() throws Exception {
        Instant then = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Signing signing = Signing.create(SigningServices.none().withClock(Clock.fixed(then, ZoneOffset.UTC)));
        Path output = dir.resolve("signed.xml");
        try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(Samples.xml(dir), output), rsa.chain(),
                SignatureOptions.defaults())) {
            assertEquals(then, prepared.signingTime());
            SignedDocument signed = prepared.complete(sign("SHA256withRSA", rsa.key(), prepared.dataToSign().bytes()))
                    .augment();
            assertEquals(then, signed.signingTime());
            assertEquals("XAdES-BASELINE-B", signed.level());
            signed.save(output);
        }
        SignatureReport signature = verify(output).signatures().get(0);
        assertEquals(then, signature.signingTime());
    }

    @Test
    void theCertificateIsJudgedAtTheServicesClock() {
        Instant afterExpiry = rsa.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        Signing signing = Signing.create(SigningServices.none().withClock(Clock.fixed(afterExpiry, ZoneOffset.UTC)));
        SignerException e = assertThrows(SignerException.class, () -> signing.prepare(
                DocumentToSign.file(Samples.pdf(dir), dir.resolve("signed.pdf")), rsa.chain(), SignatureOptions.defaults()));
        assertEquals(ErrorCode.CERTIFICATE_UNUSABLE, e.code());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void closingALargePreparedDocumentRemovesItsWorkingFiles() throws Exception {
        Path input = LargePdf.write(dir.resolve("large.pdf"), 24L << 20);
        Path output = dir.resolve("large-signed.pdf");
        Signing signing = Signing.create(SigningServices.none());
        try (PreparedSignature prepared = signing.prepare(DocumentToSign.file(input, output), rsa.chain(),
                SignatureOptions.defaults())) {
            assertFalse(Samples.temporaryFiles(dir).isEmpty(), "a large document is prepared in files beside the output");
            assertTrue(prepared.dataToSign().bytes().length > 0);
        }
        Samples.assertNoTemporaryFiles(dir);
        assertFalse(Files.exists(output));
    }

    private VerificationReport verify(Path file) {
        return DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki"))).verify(file);
    }

    private static byte[] sign(String algorithm, PrivateKey key, byte[] data) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    /** The IEEE P1363 form (r||s, 32 bytes each for P-256) WebCrypto gives. */
    private static byte[] rawRs(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] raw = new byte[64];
        for (int i = 0; i < 2; i++) {
            BigInteger part = ASN1Integer.getInstance(sequence.getObjectAt(i)).getValue();
            byte[] bytes = part.toByteArray();
            int length = Math.min(bytes.length, 32);
            System.arraycopy(bytes, bytes.length - length, raw, i * 32 + 32 - length, length);
        }
        return raw;
    }
}
