package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.sign.DataToSign;
import vn.signer.sign.DocumentToSign;
import vn.signer.sign.PreparedSignature;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SignedDocument;
import vn.signer.sign.Signing;
import vn.signer.sign.SigningServices;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.TestPki;

/**
 * A key that signs data prepared elsewhere (the signing agent's operation): the value completes the
 * prepared signature, and anything that is not a prepared digest of the stated algorithm is refused.
 */
class SignPreparedTest {
    @TempDir
    Path dir;

    @Test
    void aPkcs12RsaKeySignsTheDigestInfoAndTheValueCompletesTheSignature() {
        try (KeySource keys = DemoPki.openP12(DemoPki.officerP12())) {
            completes(keys.key(KeySelector.only()));
        }
    }

    @Test
    @Tag("native")
    void tokenKeysSignPreparedDataWithTheTokensRawOperations() {
        try (KeySource token = DemoPki.openToken()) {
            completes(token.key(DemoPki.officerOnToken()));
            completes(token.key(KeySelector.label(SoftHsm.EC_LABEL)));
        }
    }

    @Test
    void anythingButAPreparedDigestOfTheStatedAlgorithmIsRefusedBeforeTheKeyIsUsed() {
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) 7);
        try (KeySource keys = DemoPki.openP12(DemoPki.officerP12())) {
            SigningKey key = keys.key(KeySelector.only());
            byte[] sha384Info = SignatureScheme.Digest.SHA384.digestInfo(new byte[48]);
            byte[] padded = Arrays.copyOf(SignatureScheme.Digest.SHA256.digestInfo(digest), 52);
            byte[] document = "Tôi đồng ý chuyển 1 tỷ đồng".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (byte[] hostile : new byte[][] {digest, sha384Info, padded, document, new byte[0]}) {
                SignerException e = assertThrows(SignerException.class,
                        () -> key.signPrepared(hostile, SignatureScheme.Digest.SHA256));
                assertEquals(ErrorCode.BAD_INPUT, e.code());
                assertEquals("key.prepared.notDigestInfo", e.problem().key());
            }
        }
    }

    @Test
    void anEcKeyTakesOnlyADigestOfTheStatedLength() {
        try (KeySource keys = Pkcs12KeySource.open(ecP12(), r -> "changeit".toCharArray())) {
            SigningKey key = keys.key(KeySelector.only());
            SignerException e = assertThrows(SignerException.class,
                    () -> key.signPrepared(SignatureScheme.Digest.SHA256.digestInfo(new byte[32]), SignatureScheme.Digest.SHA256));
            assertEquals("key.prepared.notDigest", e.problem().key());
            assertTrue(key.signPrepared(new byte[48], SignatureScheme.Digest.SHA384).length > 0);
        }
    }

    private Path ecP12() {
        return TestPki.create("prepared EC").signer("Prepared EC", "TEST").ec().issue()
                .writePkcs12(dir.resolve("ec.p12"), "ec", "changeit".toCharArray());
    }

    private void completes(SigningKey key) {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("signed-" + key.keyAlgorithm() + ".pdf");
        try (PreparedSignature prepared = Signing.create(SigningServices.none()).prepare(DocumentToSign.file(input, output),
                key.chain(), SignatureOptions.defaults())) {
            DataToSign data = prepared.dataToSign();
            byte[] value = key.signPrepared(data.forRawSigner(), data.digestAlgorithm());
            try (SignedDocument signed = prepared.complete(value).augment()) {
                assertEquals("PAdES-BASELINE-B", signed.level());
            }
        }
    }
}
