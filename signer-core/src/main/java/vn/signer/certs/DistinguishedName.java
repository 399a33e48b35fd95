package vn.signer.certs;

import java.text.Normalizer;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A distinguished name read with BouncyCastle's naming, because the JDK prints attributes it does
 * not know (such as title, common in Vietnamese certificates) as hex. Every value is NFC-normalised.
 */
record DistinguishedName(String text, String commonName, String organization,
                         String organizationalUnit, String title) {

    static DistinguishedName of(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        try {
            return new DistinguishedName(
                    nfc(BCStyle.INSTANCE.toString(name)),
                    first(name, BCStyle.CN),
                    first(name, BCStyle.O),
                    first(name, BCStyle.OU),
                    first(name, BCStyle.T));
        } catch (IllegalArgumentException e) {
            // BouncyCastle refuses a UTF8String that is not UTF-8, which only a corrupt or forged
            // certificate holds (fuzzing found one in a signature): the JDK reads it with U+FFFD for
            // the bad bytes, so the report can still name the certificate, with no attributes picked out.
            return new DistinguishedName(nfc(principal.getName(X500Principal.RFC2253)), null, null, null, null);
        }
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : nfc(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
