package vn.signer.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
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
        byte[] candidate = signer.getPublicKey() instanceof ECPublicKey ec ? ecdsaDer(ec, value) : value;
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

    /** A DER ECDSA-Sig-Value as it is, a raw r||s converted to DER; anything else refused. */
    private static byte[] ecdsaDer(ECPublicKey key, byte[] value) {
        if (isDer(value)) {
            return value;
        }
        int half = (key.getParams().getOrder().bitLength() + 7) / 8;
        if (value.length != 2 * half) {
            throw new SignerException(ErrorCode.SIGNATURE_VALUE_REFUSED, Problem.of("sign.value.ecdsaShape", 2 * half,
                    value.length));
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(value, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(value, half, value.length));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("two integers could not be DER-encoded", e);
        }
    }

    private static boolean isDer(byte[] value) {
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(value);
            return parsed instanceof ASN1Sequence sequence && sequence.size() == 2
                    && sequence.getObjectAt(0) instanceof ASN1Integer && sequence.getObjectAt(1) instanceof ASN1Integer
                    && Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), value);
        } catch (IOException | RuntimeException e) {
            // Not ASN.1 at all: perhaps raw r||s, which the caller tells by its length.
            return false;
        }
    }
}
