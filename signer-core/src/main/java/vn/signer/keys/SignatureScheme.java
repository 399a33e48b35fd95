package vn.signer.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * How a signature value is computed: the digest and, for RSA keys, the padding. The defaults
 * (SHA-256, PKCS#1 v1.5) are what deployed Vietnamese Government CA tooling produces.
 *
 * @param digest  the digest algorithm
 * @param padding the RSA padding; ignored for EC keys
 */
public record SignatureScheme(Digest digest, RsaPadding padding) {

    /** SHA-256 with RSA PKCS#1 v1.5 (or ECDSA for EC keys). */
    public static final SignatureScheme DEFAULT = new SignatureScheme(Digest.SHA256, RsaPadding.PKCS1_V15);

    public SignatureScheme {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(padding, "padding");
    }

    /** Digest algorithms allowed for new signatures; SHA-1 is deliberately absent. */
    public enum Digest {
        SHA256("SHA-256", 32), SHA384("SHA-384", 48), SHA512("SHA-512", 64);

        private final String jcaName;
        private final int length;

        Digest(String jcaName, int length) {
            this.jcaName = jcaName;
            this.length = length;
        }

        public String jcaName() {
            return jcaName;
        }

        /** The digest's length in bytes. */
        public int length() {
            return length;
        }

        /** Whether {@code data} is exactly the DER DigestInfo of a digest of this algorithm (and length). */
        public boolean isDigestInfo(byte[] data) {
            if (data.length <= length) {
                return false;
            }
            byte[] digest = Arrays.copyOfRange(data, data.length - length, data.length);
            return Arrays.equals(data, digestInfo(digest));
        }

        String compactName() {
            return jcaName.replace("-", "");
        }

        /** The digest's object identifier, e.g. 2.16.840.1.101.3.4.2.1 for SHA-256. */
        public String oid() {
            return identifier().getId();
        }

        private ASN1ObjectIdentifier identifier() {
            return switch (this) {
                case SHA256 -> NISTObjectIdentifiers.id_sha256;
                case SHA384 -> NISTObjectIdentifiers.id_sha384;
                case SHA512 -> NISTObjectIdentifiers.id_sha512;
            };
        }

        /**
         * The DER-encoded DigestInfo of {@code digest} (RFC 8017 §9.2): what a raw RSA PKCS#1 v1.5 key
         * pads and signs.
         */
        public byte[] digestInfo(byte[] digest) {
            try {
                return new DigestInfo(new AlgorithmIdentifier(identifier(), DERNull.INSTANCE), digest).getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new UncheckedIOException("a DigestInfo could not be encoded", e);
            }
        }
    }

    /** RSA signature padding. */
    public enum RsaPadding {
        /** RSASSA-PKCS1-v1_5. */
        PKCS1_V15,
        /** RSASSA-PSS with MGF1 of the same digest and a salt as long as the digest. */
        PSS
    }

    /** The JCA signature algorithm name for a key of this algorithm ("RSA" or "EC"). */
    String jcaAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> padding == RsaPadding.PSS ? "RSASSA-PSS" : digest.compactName() + "withRSA";
            case "EC" -> digest.compactName() + "withECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm);
        };
    }

    /**
     * The JCA algorithm that signs a digest computed elsewhere with a key of this algorithm: raw RSA
     * PKCS#1 v1.5 over the DigestInfo, or ECDSA over the digest. RSA-PSS has no such form in the JCA
     * providers signer relies on (SunPKCS11 above all), so it is refused.
     *
     * @throws IllegalArgumentException for RSA-PSS or another key algorithm
     */
    String jcaDigestAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> {
                if (padding == RsaPadding.PSS) {
                    throw new IllegalArgumentException("RSA-PSS over a digest computed elsewhere is not supported");
                }
                yield "NONEwithRSA";
            }
            case "EC" -> "NONEwithECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm);
        };
    }

    /** What {@link #jcaDigestAlgorithm} signs for {@code digest}: the DigestInfo for RSA, the digest for ECDSA. */
    byte[] digestInput(String keyAlgorithm, byte[] digest) {
        return "RSA".equals(keyAlgorithm) ? this.digest.digestInfo(digest) : digest.clone();
    }

    /** Parameters the JCA signature needs, or null. */
    AlgorithmParameterSpec jcaParameters(String keyAlgorithm) {
        if (!"RSA".equals(keyAlgorithm) || padding != RsaPadding.PSS) {
            return null;
        }
        return new PSSParameterSpec(digest.jcaName(), "MGF1", new MGF1ParameterSpec(digest.jcaName()),
                digest.length, PSSParameterSpec.TRAILER_FIELD_BC);
    }
}
