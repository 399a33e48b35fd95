package vn.signer.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a person needs to know about a certificate, as plain values: who it names, who issued it,
 * when it is valid and what its key may do. Built from an {@link X509Certificate} by {@link #of}.
 *
 * @param subject           the subject's distinguished name, readable (Unicode, NFC)
 * @param commonName        the subject's CN, or null
 * @param organization      the subject's O, or null
 * @param organizationalUnit the subject's OU, or null
 * @param title             the subject's title (2.5.4.12), or null
 * @param issuer            the issuer's distinguished name
 * @param issuerCommonName  the issuer's CN, or null
 * @param serialNumber      the serial number in upper-case hex
 * @param notBefore         start of the validity period
 * @param notAfter          end of the validity period
 * @param keyUsage          key usage names as in RFC 5280 (digitalSignature, nonRepudiation, ...)
 * @param keyAlgorithm      RSA, EC, ...
 * @param keySize           the key size in bits (the curve size for EC)
 * @param sha256            SHA-256 of the DER certificate, lower-case hex
 */
public record CertificateSummary(
        String subject,
        String commonName,
        String organization,
        String organizationalUnit,
        String title,
        String issuer,
        String issuerCommonName,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        List<String> keyUsage,
        String keyAlgorithm,
        int keySize,
        String sha256) {

    private static final String[] KEY_USAGE_NAMES = {
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
        "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"
    };

    public CertificateSummary {
        keyUsage = List.copyOf(keyUsage);
    }

    public static CertificateSummary of(X509Certificate cert) {
        DistinguishedName subject = DistinguishedName.of(cert.getSubjectX500Principal());
        DistinguishedName issuer = DistinguishedName.of(cert.getIssuerX500Principal());
        return new CertificateSummary(
                subject.text(),
                subject.commonName(),
                subject.organization(),
                subject.organizationalUnit(),
                subject.title(),
                issuer.text(),
                issuer.commonName(),
                cert.getSerialNumber().toString(16).toUpperCase(),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                keyUsageNames(cert),
                cert.getPublicKey().getAlgorithm(),
                keySize(cert.getPublicKey()),
                sha256Hex(cert));
    }

    /** Whether the certificate's validity period contains {@code time}. */
    public boolean isValidAt(Instant time) {
        return !time.isBefore(notBefore) && !time.isAfter(notAfter);
    }

    /** A short human label: the common name and the organisation. */
    public String displayName() {
        if (commonName == null) {
            return subject;
        }
        return organization == null || organization.equals(commonName)
                ? commonName : commonName + " (" + organization + ")";
    }

    private static List<String> keyUsageNames(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        List<String> names = new ArrayList<>();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.length; i++) {
                if (bits[i]) {
                    names.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        return names;
    }

    static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    public static String sha256Hex(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }
}
