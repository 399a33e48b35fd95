package vn.signer.sign;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import vn.signer.keys.SignatureScheme;

/** The DSS parameters every format shares. */
final class DssParameters {
    private DssParameters() {
    }

    /**
     * @param chain the signer's certificate and the issuers to embed
     */
    static void applyCommon(AbstractSignatureParameters<?> parameters, List<X509Certificate> chain,
                            SignatureOptions options, Date signingTime) {
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(digest(options.scheme()));
        parameters.setEncryptionAlgorithm(encryption(chain.get(0), options.scheme()));
        parameters.bLevel().setSigningDate(signingTime);
    }

    /** The signature algorithm a value for {@code signer} under {@code scheme} is made with. */
    static SignatureAlgorithm signatureAlgorithm(X509Certificate signer, SignatureScheme scheme) {
        return SignatureAlgorithm.getAlgorithm(encryption(signer, scheme), digest(scheme));
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

    private static EncryptionAlgorithm encryption(X509Certificate cert, SignatureScheme scheme) {
        return switch (cert.getPublicKey().getAlgorithm()) {
            case "RSA" -> scheme.padding() == SignatureScheme.RsaPadding.PSS ? EncryptionAlgorithm.RSASSA_PSS : EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new IllegalArgumentException("unsupported key algorithm " + cert.getPublicKey().getAlgorithm());
        };
    }
}
