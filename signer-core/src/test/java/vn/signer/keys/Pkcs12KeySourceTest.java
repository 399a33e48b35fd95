package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.report.Remark;

class Pkcs12KeySourceTest {
    private static final char[] TEST_PASSWORD = "test-Pa55word".toCharArray();

    @TempDir
    Path dir;

    private static PinCallback password(String value) {
        return request -> value.toCharArray();
    }

    @Test
    void opensTheDemoOfficerFileAndListsItsKey() {
        AtomicInteger asked = new AtomicInteger();
        try (Pkcs12KeySource source = Pkcs12KeySource.open(DemoPki.officerP12(), request -> {
            asked.incrementAndGet();
            assertEquals(PinRequest.Kind.FILE_PASSWORD, request.kind());
            assertEquals(Remark.of("keys.file", "officer.p12"), request.target());
            return DemoPki.PASSWORD.toCharArray();
        })) {
            assertEquals(1, asked.get());
            List<KeyInfo> keys = source.keys();
            assertEquals(1, keys.size(), keys.toString());
            KeyInfo officer = keys.get(0);
            assertEquals("officer", officer.label());
            assertNull(officer.id(), "PKCS#12 keys have no id");
            assertEquals(DemoPki.OFFICER_NAME, officer.certificate().commonName());
            assertEquals("Phó Giám đốc", officer.certificate().title());
            assertEquals(DemoPki.ORGANISATION_NAME, officer.certificate().organization());
            assertEquals(3072, officer.certificate().keySize());
            SigningKey key = source.key(KeySelector.only());
            assertEquals(3, key.chain().size(), "the file holds the issuing CA and the root too");
            assertEquals("signer DEMO Root CA", CertificateSummary.of(key.chain().get(2)).commonName());
        }
    }

    @Test
    void opensAFileWrittenByTheTestPkiAndSelectsByAliasAndCertificateHash() throws Exception {
        TestPki pki = TestPki.create("p12");
        TestPki.Entity first = pki.signer("Nguyễn Văn Hùng", "Sở TEST").issue();
        TestPki.Entity second = pki.signer("Lê Thị Hoa", "Sở TEST").ec().issue();
        Path file = first.writePkcs12(dir.resolve("two.p12"), "hung", TEST_PASSWORD);
        // A second entry in the same file: both keys are listed and must be chosen explicitly.
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, TEST_PASSWORD);
        }
        store.setKeyEntry("hoa", second.key(), TEST_PASSWORD, second.chain().toArray(new java.security.cert.Certificate[0]));
        try (var out = Files.newOutputStream(file)) {
            store.store(out, TEST_PASSWORD);
        }

        try (Pkcs12KeySource source = Pkcs12KeySource.open(file, password(new String(TEST_PASSWORD)))) {
            assertEquals(List.of("hoa", "hung"), source.keys().stream().map(KeyInfo::label).sorted().toList());
            SignerException ambiguous = assertThrows(SignerException.class, () -> source.key(KeySelector.only()));
            assertEquals(ErrorCode.KEY_NOT_FOUND, ambiguous.code());
            assertTrue(ambiguous.getMessage().contains("hung") && ambiguous.getMessage().contains("hoa"), ambiguous.getMessage());

            SigningKey byAlias = source.key(KeySelector.label("hung"));
            assertEquals(first.certificate(), byAlias.certificate());
            assertEquals("RSA", byAlias.keyAlgorithm());

            String sha256 = CertificateSummary.sha256Hex(second.certificate());
            String withColons = sha256.toUpperCase().replaceAll("(..)(?!$)", "$1:");
            SigningKey byHash = source.key(KeySelector.certificateSha256(withColons));
            assertEquals(second.certificate(), byHash.certificate());
            assertEquals("EC", byHash.keyAlgorithm());

            byte[] data = "Hồ sơ số 0001".getBytes(StandardCharsets.UTF_8);
            byte[] value = byHash.sign(data, SignatureScheme.DEFAULT);
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(second.certificate());
            verifier.update(data);
            assertTrue(verifier.verify(value));

            SignerException none = assertThrows(SignerException.class, () -> source.key(KeySelector.label("nobody")));
            assertEquals(ErrorCode.KEY_NOT_FOUND, none.code());
            assertTrue(none.getMessage().contains(file.toString()), none.getMessage());
        }
    }

    @Test
    void aKeyIdIsAUsageErrorForPkcs12() {
        try (Pkcs12KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
            SignerException e = assertThrows(SignerException.class, () -> source.key(KeySelector.id("01")));
            assertEquals(ErrorCode.USAGE, e.code());
            assertTrue(e.getMessage().contains("officer.p12"), e.getMessage());
            assertEquals("p12.noKeyId", e.problem().key());
            assertTrue(e.hint().contains("alias") && e.hint().contains("SHA-256"), e.hint());
        }
    }

    @Test
    void aWrongPasswordIsRefusedAfterAskingExactlyOnce() {
        AtomicInteger asked = new AtomicInteger();
        SignerException e = assertThrows(SignerException.class, () -> Pkcs12KeySource.open(DemoPki.officerP12(), request -> {
            asked.incrementAndGet();
            return "wrong-password".toCharArray();
        }));
        assertEquals(ErrorCode.PIN_REFUSED, e.code(), e.getMessage());
        assertEquals(1, asked.get(), "the password must be asked for once and never retried");
        assertTrue(e.getMessage().contains("officer.p12"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password") || String.valueOf(e.hint()).contains("wrong-password"));
    }

    @Test
    void thePasswordArrayIsWipedAfterOpening() {
        char[] given = DemoPki.PASSWORD.toCharArray();
        try (Pkcs12KeySource source = Pkcs12KeySource.open(DemoPki.officerP12(), request -> given)) {
            assertArrayEquals(new char[given.length], given);
        }
        char[] wrong = "wrong".toCharArray();
        assertThrows(SignerException.class, () -> Pkcs12KeySource.open(DemoPki.officerP12(), request -> wrong));
        assertArrayEquals(new char[wrong.length], wrong);
    }

    @Test
    void aFileThatIsNotPkcs12IsBadInput() {
        for (Path notP12 : List.of(Samples.pdf(dir), DemoPki.file("officer.pem"), DemoPki.file("officer.key.pem"))) {
            AtomicInteger asked = new AtomicInteger();
            SignerException e = assertThrows(SignerException.class, () -> Pkcs12KeySource.open(notP12, request -> {
                asked.incrementAndGet();
                return DemoPki.PASSWORD.toCharArray();
            }), notP12.toString());
            assertEquals(ErrorCode.BAD_INPUT, e.code(), notP12 + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(notP12.toString()), e.getMessage());
            assertTrue(asked.get() <= 1);
        }
    }

    @Test
    void aMissingFileIsInputMissingAndNoPasswordIsAsked() {
        Path missing = dir.resolve("khong-co.p12");
        AtomicInteger asked = new AtomicInteger();
        SignerException e = assertThrows(SignerException.class, () -> Pkcs12KeySource.open(missing, request -> {
            asked.incrementAndGet();
            return DemoPki.PASSWORD.toCharArray();
        }));
        assertEquals(ErrorCode.INPUT_MISSING, e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(0, asked.get(), "no password is asked for a file that does not exist");
    }

    @Test
    void aClosedSourceCannotSign() {
        SigningKey key;
        try (Pkcs12KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
            key = source.key(KeySelector.only());
        }
        assertThrows(IllegalStateException.class, () -> key.sign(new byte[] {1}, SignatureScheme.DEFAULT));
    }
}
