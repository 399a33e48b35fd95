package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import vn.signer.report.Remark;

/** Timestamps, revocation and the trustworthiness of the claimed signing time, read from DSS's reports. */
final class TimeFacts {
    /** Clocks differ; a claimed time within this of the timestamp is fine. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration VIETNAM_OFFSET = Duration.ofHours(7);

    private TimeFacts() {
    }

    static List<TimestampReport> timestamps(SignatureWrapper signature, SimpleReport simple) {
        return signature.getTimestampList().stream()
                .sorted(Comparator.comparing(TimestampWrapper::getProductionTime))
                .map(t -> new TimestampReport(t.getType().name(), t.getProductionTime().toInstant(), tsaName(t),
                        SignatureFacts.verdictOf(simple.getIndication(t.getId()))))
                .toList();
    }

    private static String tsaName(TimestampWrapper timestamp) {
        CertificateWrapper tsa = timestamp.getSigningCertificate();
        if (tsa == null) {
            return null;
        }
        return tsa.getCommonName() != null ? tsa.getCommonName() : tsa.getCertificateDN();
    }

    /** The most recent revocation data DSS used for the signing certificate. */
    static RevocationReport revocation(CertificateWrapper signingCertificate) {
        if (signingCertificate == null) {
            return RevocationReport.NONE;
        }
        return signingCertificate.getCertificateRevocationData().stream()
                .max(Comparator.comparing(CertificateRevocationWrapper::getProductionDate))
                .map(r -> new RevocationReport(
                        r.getStatus().name(),
                        r.getRevocationType() == null ? null : r.getRevocationType().name(),
                        r.isInternalRevocationOrigin() ? "EMBEDDED" : r.getSourceAddress() != null ? "ONLINE" : "FILE",
                        r.getSourceAddress(),
                        instant(r.getProductionDate()),
                        instant(r.getRevocationDate())))
                .orElse(RevocationReport.NONE);
    }

    /**
     * A warning when the claimed signing time disagrees with the first signature timestamp, which is
     * authoritative. Tools that write Vietnam local time labelled as UTC are off by exactly +7 hours.
     */
    static Remark claimedTimeWarning(Instant claimed, List<TimestampReport> timestamps) {
        if (claimed == null) {
            return null;
        }
        Instant stamped = timestamps.stream().filter(t -> t.type().equals("SIGNATURE_TIMESTAMP"))
                .map(TimestampReport::productionTime).min(Comparator.naturalOrder()).orElse(null);
        if (stamped == null) {
            return null;
        }
        Duration gap = Duration.between(stamped, claimed);
        if (gap.abs().compareTo(TOLERANCE) <= 0) {
            return null;
        }
        if (gap.minus(VIETNAM_OFFSET).abs().compareTo(TOLERANCE) <= 0) {
            return Remark.of("time.vietnamAsUtc", stamped);
        }
        return Remark.of("time.differs", claimed, stamped, gap.abs().toMinutes());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
