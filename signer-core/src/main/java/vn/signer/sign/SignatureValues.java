package vn.signer.sign;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.EcdsaValues;
import vn.signer.keys.SignatureCheck;

/**
 * The check a signature value from outside (a browser agent, a remote service) passes before it is
 * embedded: it must verify with the signer's certificate over the data prepared. ECDSA values are
 * embedded in DER; the raw r||s form that WebCrypto and PKCS#11 produce is converted first.
 */
final class SignatureValues {
    private SignatureValues() {
    }

    /**
     * @param who    the signer's name, for the message
     * @return the value as it will be embedded (DER for ECDSA)
     * @throws SignerException SIGNATURE_VALUE_REFUSED
     */
    static byte[] requireValid(X509Certificate signer, String who, DataToSign data, byte[] value) {
        byte[] candidate = signer.getPublicKey() instanceof ECPublicKey ec ? EcdsaValues.der(ec, value) : value;
        boolean ok;
        try {
            ok = SignatureCheck.verifies(signer, data.bytes(), candidate, data.scheme());
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.SIGNATURE_VALUE_REFUSED, Problem.of("sign.value.uncheckable", who,
                    data.signatureAlgorithm(), e.getMessage()), e);
        }
        if (!ok) {
            throw new SignerException(ErrorCode.SIGNATURE_VALUE_REFUSED, Problem.of("sign.value.wrongValue", who,
                    data.signatureAlgorithm()));
        }
        return candidate;
    }
}
