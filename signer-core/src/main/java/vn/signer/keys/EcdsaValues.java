package vn.signer.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * ECDSA values as they are embedded, in DER: the raw r||s form that WebCrypto, PKCS#11 and some
 * remote services produce is converted.
 */
public final class EcdsaValues {
    private EcdsaValues() {
    }

    /** A DER ECDSA-Sig-Value as it is, a raw r||s converted to DER; anything else refused. */
    /**
     * @throws SignerException SIGNATURE_VALUE_REFUSED when it is neither DER nor r||s of the key's size
     */
    public static byte[] der(ECPublicKey key, byte[] value) {
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
