package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.SoftHsm;

@Tag("native")
class Pkcs11KeySourceTest {
    private final SoftHsm hsm = SoftHsm.token();

    private static PinCallback pin(String value) {
        return request -> value.toCharArray();
    }

    @Test
    void listsTokensWithLabelsAndSerialsWithoutLogin() {
        List<TokenInfo> tokens = Pkcs11KeySource.tokens(hsm.module());
        TokenInfo demo = tokens.stream().filter(t -> t.label().equals(SoftHsm.LABEL)).findFirst().orElseThrow();
        assertTrue(demo.initialized());
        assertTrue(!demo.serialNumber().isBlank());
        assertTrue(tokens.stream().anyMatch(t -> t.label().equals(SoftHsm.SECOND_LABEL)));
    }

    @Test
    void opensTokenByLabelSerialAndIndexAndListsKeysWithIds() {
        TokenInfo demo = Pkcs11KeySource.tokens(hsm.module()).stream()
                .filter(t -> t.label().equals(SoftHsm.LABEL)).findFirst().orElseThrow();
        for (TokenSelector selector : List.of(TokenSelector.label(SoftHsm.LABEL), TokenSelector.serial(demo.serialNumber()),
                TokenSelector.slotIndex(demo.slotIndex()))) {
            try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), selector, pin(SoftHsm.PIN))) {
                assertEquals(SoftHsm.LABEL, source.token().label());
                List<KeyInfo> keys = source.keys();
                assertEquals(3, keys.size(), keys.toString());
                KeyInfo officer = keys.stream().filter(k -> k.label().equals("officer")).findFirst().orElseThrow();
                assertEquals("01", officer.id());
                assertEquals("Đặng Thị Phượng", officer.certificate().commonName());
                assertEquals("RSA", officer.certificate().keyAlgorithm());
                assertEquals(3072, officer.certificate().keySize());
            }
        }
    }

    /** What a CSC service does with a hash it receives: raw RSA over the DigestInfo, ECDSA over the digest, on the token. */
    @Test
    void signsADigestComputedElsewhereOnTheToken() throws Exception {
        try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), pin(SoftHsm.PIN))) {
            byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
            for (SignatureScheme.Digest digest : SignatureScheme.Digest.values()) {
                byte[] hash = java.security.MessageDigest.getInstance(digest.jcaName()).digest(data);
                SignatureScheme scheme = new SignatureScheme(digest, SignatureScheme.RsaPadding.PKCS1_V15);
                for (SigningKey key : List.of(source.key(KeySelector.label("officer")), source.key(KeySelector.label(SoftHsm.EC_LABEL)))) {
                    byte[] value = key.signDigest(hash, scheme);
                    // The same value a signature over the whole data verifies as.
                    Signature verifier = Signature.getInstance(digest.jcaName().replace("-", "")
                            + (key.keyAlgorithm().equals("EC") ? "withECDSA" : "withRSA"));
                    verifier.initVerify(key.certificate());
                    verifier.update(data);
                    assertTrue(verifier.verify(value), key + " " + digest);
                }
            }
            SigningKey officer = source.key(KeySelector.label("officer"));
            assertThrows(IllegalArgumentException.class, () -> officer.signDigest(new byte[31], SignatureScheme.DEFAULT));
            assertThrows(IllegalArgumentException.class, () -> officer.signDigest(new byte[32],
                    new SignatureScheme(SignatureScheme.Digest.SHA256, SignatureScheme.RsaPadding.PSS)));
        }
    }

    @Test
    void selectsKeysByLabelIdAndCertificateHashAndSignsOnTheToken() throws Exception {
        try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), pin(SoftHsm.PIN))) {
            SigningKey byId = source.key(KeySelector.id("02"));
            assertEquals("organisation", byId.info().label());
            SigningKey byHash = source.key(KeySelector.certificateSha256(hsm.ecSigner().certificate() == null ? ""
                    : vn.signer.certs.CertificateSummary.sha256Hex(hsm.ecSigner().certificate())));
            assertEquals(SoftHsm.EC_LABEL, byHash.info().label());
            byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
            for (SigningKey key : List.of(source.key(KeySelector.label("officer")), byHash)) {
                byte[] value = key.sign(data, SignatureScheme.DEFAULT);
                Signature verifier = Signature.getInstance(key.keyAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
                verifier.initVerify(key.certificate());
                verifier.update(data);
                assertTrue(verifier.verify(value), key.toString());
            }
            SigningKey pss = source.key(KeySelector.label("officer"));
            byte[] pssValue = pss.sign(data, new SignatureScheme(SignatureScheme.Digest.SHA256, SignatureScheme.RsaPadding.PSS));
            Signature pssVerifier = Signature.getInstance("RSASSA-PSS");
            pssVerifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pssVerifier.initVerify(pss.certificate());
            pssVerifier.update(data);
            assertTrue(pssVerifier.verify(pssValue), "a PSS signature the certificate's key verifies");
        }
    }

    @Test
    void severalMatchingKeysOrNoneAreRefusedWithTheListOfKeys() {
        try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), pin(SoftHsm.PIN))) {
            SignerException several = assertThrows(SignerException.class, () -> source.key(KeySelector.only()));
            assertEquals(ErrorCode.KEY_NOT_FOUND, several.code());
            assertTrue(several.getMessage().contains("officer") && several.getMessage().contains("organisation"));
            SignerException none = assertThrows(SignerException.class, () -> source.key(KeySelector.label("nobody")));
            assertEquals(ErrorCode.KEY_NOT_FOUND, none.code());
        }
    }

    @Test
    void wrongPinIsRefusedAfterOneAttemptAndNamesTheToken() {
        AtomicInteger asked = new AtomicInteger();
        SignerException e = assertThrows(SignerException.class, () -> Pkcs11KeySource.open(hsm.module(),
                TokenSelector.label(SoftHsm.LABEL), request -> {
                    asked.incrementAndGet();
                    return "000000".toCharArray();
                }));
        assertEquals(ErrorCode.PIN_REFUSED, e.code());
        assertEquals(1, asked.get());
        assertTrue(e.getMessage().contains(SoftHsm.LABEL), e.getMessage());
        assertTrue(!e.getMessage().contains("000000"));
    }

    @Test
    void severalTokensWithoutAChoiceIsAUsageErrorListingThem() {
        SignerException e = assertThrows(SignerException.class,
                () -> Pkcs11KeySource.open(hsm.module(), TokenSelector.any(), pin(SoftHsm.PIN)));
        assertEquals(ErrorCode.USAGE, e.code());
        assertTrue(e.getMessage().contains(SoftHsm.LABEL) && e.getMessage().contains(SoftHsm.SECOND_LABEL), e.getMessage());
    }

    @Test
    void unknownTokenAndMissingModuleAreClearErrors() {
        SignerException e = assertThrows(SignerException.class,
                () -> Pkcs11KeySource.open(hsm.module(), TokenSelector.label("no-such-token"), pin(SoftHsm.PIN)));
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains(SoftHsm.LABEL), "lists the tokens present: " + e.getMessage());
        SignerException missing = assertThrows(SignerException.class,
                () -> Pkcs11KeySource.open(java.nio.file.Path.of("/nonexistent/libtoken.so"), TokenSelector.any(), pin("x")));
        assertEquals(ErrorCode.INPUT_MISSING, missing.code());
    }

    @Test
    void aClosedSourceCannotSign() {
        SigningKey key;
        try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), pin(SoftHsm.PIN))) {
            key = source.key(KeySelector.label("officer"));
        }
        assertThrows(IllegalStateException.class, () -> key.sign(new byte[] {1}, SignatureScheme.DEFAULT));
    }

    @Test
    void pinArrayIsWipedAfterLogin() {
        char[] given = SoftHsm.PIN.toCharArray();
        try (Pkcs11KeySource source = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), request -> given)) {
            assertArrayEquals(new char[given.length], given);
        }
    }
}
