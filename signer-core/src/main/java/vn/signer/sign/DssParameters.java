package vn.signer.sign;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;

/** The DSS parameters every format shares, and the one step that touches the key. */
final class DssParameters {
    private DssParameters() {
    }

    /**
     * @param chain the signer's certificate and the issuers to embed
     */
    static void applyCommon(AbstractSignatureParameters<?> parameters, SigningKey key, List<X509Certificate> chain,
                            SignatureOptions options, Date signingTime) {
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(digest(options.scheme()));
        parameters.setEncryptionAlgorithm(encryption(key, options.scheme()));
        parameters.bLevel().setSigningDate(signingTime);
    }

    /** Signs DSS's to-be-signed bytes with the key and wraps the value as DSS expects it. */
    static SignatureValue signatureValue(ToBeSigned toBeSigned, SigningKey key, SignatureOptions options) {
        byte[] value = key.sign(toBeSigned.getBytes(), options.scheme());
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(encryption(key, options.scheme()), digest(options.scheme()));
        return new SignatureValue(algorithm, value);
    }

    static int encodedLength(X509Certificate cert) {
        try {
            return cert.getEncoded().length;
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a certificate from the key store cannot be encoded", e);
        }
    }

    static DigestAlgorithm digest(SignatureScheme scheme) {
        return switch (scheme.digest()) {
            case SHA256 -> DigestAlgorithm.SHA256;
            case SHA384 -> DigestAlgorithm.SHA384;
            case SHA512 -> DigestAlgorithm.SHA512;
        };
    }

    private static EncryptionAlgorithm encryption(SigningKey key, SignatureScheme scheme) {
        X509Certificate cert = key.certificate();
        return switch (cert.getPublicKey().getAlgorithm()) {
            case "RSA" -> scheme.padding() == SignatureScheme.RsaPadding.PSS ? EncryptionAlgorithm.RSASSA_PSS : EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new IllegalArgumentException("unsupported key algorithm " + cert.getPublicKey().getAlgorithm());
        };
    }
}
