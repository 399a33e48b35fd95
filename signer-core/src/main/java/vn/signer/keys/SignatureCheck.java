package vn.signer.keys;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;

/**
 * Checks a signature value against a certificate, the way {@link SigningKey} checks its own and a
 * signature completed from elsewhere is checked before it is embedded.
 */
public final class SignatureCheck {
    private SignatureCheck() {
    }

    /**
     * Whether {@code value} is a signature of {@code data} by the key of {@code certificate} under
     * {@code scheme} (DER for ECDSA).
     *
     * @throws GeneralSecurityException when the value cannot even be checked (an ECDSA value not in DER, say)
     */
    public static boolean verifies(X509Certificate certificate, byte[] data, byte[] value, SignatureScheme scheme)
            throws GeneralSecurityException {
        String keyAlgorithm = certificate.getPublicKey().getAlgorithm();
        Signature verifier = Signature.getInstance(scheme.jcaAlgorithm(keyAlgorithm));
        AlgorithmParameterSpec parameters = scheme.jcaParameters(keyAlgorithm);
        if (parameters != null) {
            verifier.setParameter(parameters);
        }
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(value);
    }

    /**
     * Whether {@code value} is a signature, under {@code scheme}, of data whose digest is {@code digest}
     * (a signature made over a hash alone, as a remote service's signHash makes it).
     *
     * @throws GeneralSecurityException when the value cannot even be checked
     * @throws IllegalArgumentException for RSA-PSS, which is not signed over a digest here
     */
    public static boolean verifiesDigest(X509Certificate certificate, byte[] digest, byte[] value, SignatureScheme scheme)
            throws GeneralSecurityException {
        String keyAlgorithm = certificate.getPublicKey().getAlgorithm();
        Signature verifier = Signature.getInstance(scheme.jcaDigestAlgorithm(keyAlgorithm));
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(scheme.digestInput(keyAlgorithm, digest));
        return verifier.verify(value);
    }
}
