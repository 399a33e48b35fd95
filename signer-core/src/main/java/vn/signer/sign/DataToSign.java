package vn.signer.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
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
        ASN1ObjectIdentifier oid = switch (scheme.digest()) {
            case SHA256 -> NISTObjectIdentifiers.id_sha256;
            case SHA384 -> NISTObjectIdentifiers.id_sha384;
            case SHA512 -> NISTObjectIdentifiers.id_sha512;
        };
        try {
            return new DigestInfo(new AlgorithmIdentifier(oid, DERNull.INSTANCE), digest).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("a DigestInfo could not be encoded", e);
        }
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
