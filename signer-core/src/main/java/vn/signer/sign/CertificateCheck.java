package vn.signer.sign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;

/**
 * What must be true of the signer's certificate before anything is signed: valid now, allowed to
 * sign (digitalSignature or nonRepudiation), and a key no weaker than Circular 15/2025 allows
 * (RSA 2048, ECDSA 256).
 */
final class CertificateCheck {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private CertificateCheck() {
    }

    static void requireUsable(CertificateSummary cert, Instant now) {
        String who = "the certificate of " + cert.displayName();
        if (now.isAfter(cert.notAfter())) {
            throw unusable(who + " expired on " + DATE.format(cert.notAfter()), "sign with a valid certificate");
        }
        if (now.isBefore(cert.notBefore())) {
            throw unusable(who + " is not valid before " + DATE.format(cert.notBefore()),
                    "check the computer's clock, or wait until the certificate is valid");
        }
        if (!cert.keyUsage().contains("digitalSignature") && !cert.keyUsage().contains("nonRepudiation")) {
            throw unusable(who + " does not allow signing (key usage: "
                    + (cert.keyUsage().isEmpty() ? "none" : String.join(", ", cert.keyUsage())) + ")",
                    "use the certificate issued for signing (digitalSignature or nonRepudiation)");
        }
        int minimum = "EC".equals(cert.keyAlgorithm()) ? 256 : 2048;
        if (cert.keySize() < minimum) {
            throw unusable(who + " has a " + cert.keySize() + "-bit " + cert.keyAlgorithm() + " key, below the "
                    + minimum + " bits required", "use a certificate with a stronger key");
        }
    }

    private static SignerException unusable(String message, String hint) {
        return new SignerException(ErrorCode.CERTIFICATE_UNUSABLE, message, hint);
    }
}
