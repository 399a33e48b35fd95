package vn.signer.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.signer.keys.SignatureScheme;

/**
 * What the key must sign for a {@link PreparedSignature}, in the forms keys take it: the whole bytes
 * (for a key that hashes itself, as {@link vn.signer.keys.SigningKey} and JCA signatures do), their
 * digest (for a key that signs a hash), or the DER DigestInfo (for a raw RSA PKCS#1 v1.5 operation,
 * as smart-card middleware and browser agents offer). Immutable; every accessor returns a copy.
 */
public final class DataToSign {
    private final byte[] bytes;
    private final byte[] digest;
    private final SignatureScheme scheme;
    private final String signatureAlgorithm;
    private final boolean rsaPkcs1;

    /** @param keyAlgorithm the signer's key algorithm, "RSA" or "EC" */
    DataToSign(byte[] bytes, SignatureScheme scheme, String signatureAlgorithm, String keyAlgorithm) {
        this.bytes = bytes.clone();
        this.scheme = scheme;
        this.signatureAlgorithm = signatureAlgorithm;
        this.rsaPkcs1 = "RSA".equals(keyAlgorithm) && scheme.padding() == SignatureScheme.RsaPadding.PKCS1_V15;
        try {
            this.digest = MessageDigest.getInstance(scheme.digest().jcaName()).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + scheme.digest().jcaName(), e);
        }
    }

    /** The bytes to sign whole (the CMS signed attributes, or the XAdES SignedInfo). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The digest of {@link #bytes()} under {@link #digestAlgorithm()}. */
    public byte[] digest() {
        return digest.clone();
    }

    public SignatureScheme.Digest digestAlgorithm() {
        return scheme.digest();
    }

    /**
     * The DER-encoded DigestInfo of the digest (RFC 8017 §9.2): what a raw RSA PKCS#1 v1.5 key pads and
     * signs. Meaningless for ECDSA and RSA-PSS, which sign the {@link #digest()}.
     */
    public byte[] digestInfo() {
        return scheme.digest().digestInfo(digest);
    }

    /**
     * What a key that signs prepared data takes (a browser agent, a token's raw operation, a remote
     * service's signHash): the {@link #digestInfo()} for RSA PKCS#1 v1.5, the {@link #digest()} otherwise.
     */
    public byte[] forRawSigner() {
        return rsaPkcs1 ? digestInfo() : digest();
    }

    /** The JCA name of the signature expected, e.g. SHA256withRSA, SHA256withECDSA, SHA256withRSAandMGF1. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The digest and padding the value must be made with. */
    public SignatureScheme scheme() {
        return scheme;
    }
}
