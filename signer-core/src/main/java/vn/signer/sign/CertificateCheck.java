package vn.signer.sign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.signer.ErrorCode;
import vn.signer.Problem;
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
        String who = cert.displayName();
        if (now.isAfter(cert.notAfter())) {
            throw unusable(Problem.of("sign.certificate.expired", who, DATE.format(cert.notAfter())));
        }
        if (now.isBefore(cert.notBefore())) {
            throw unusable(Problem.of("sign.certificate.notYetValid", who, DATE.format(cert.notBefore())));
        }
        if (!cert.keyUsage().contains("digitalSignature") && !cert.keyUsage().contains("nonRepudiation")) {
            throw unusable(cert.keyUsage().isEmpty() ? Problem.of("sign.certificate.noKeyUsage", who)
                    : Problem.of("sign.certificate.notForSigning", who, cert.keyUsage()));
        }
        int minimum = "EC".equals(cert.keyAlgorithm()) ? 256 : 2048;
        if (cert.keySize() < minimum) {
            throw unusable(Problem.of("sign.certificate.weakKey", who, cert.keySize(), cert.keyAlgorithm(), minimum));
        }
    }

    private static SignerException unusable(Problem problem) {
        return new SignerException(ErrorCode.CERTIFICATE_UNUSABLE, problem);
    }
}
