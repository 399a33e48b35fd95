package vn.signer.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.signer.certs.CertificateSummary;
import vn.signer.verify.RevocationReport;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.TimestampReport;
import vn.signer.verify.VerificationReport;

/** A verification report as a short text for people, times in Vietnam time (ISO 8601, +07:00). */
public final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private ReportText() {
    }

    public static String render(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        int count = report.signatures().size();
        out.append(report.file()).append(": ").append(report.verdict());
        out.append(count == 0 ? " (no signature)" : count == 1 ? " (1 signature)" : " (" + count + " signatures)");
        out.append('\n');
        int n = 1;
        for (SignatureReport s : report.signatures()) {
            renderSignature(out, n++, s);
        }
        return out.toString();
    }

    private static void renderSignature(StringBuilder out, int n, SignatureReport s) {
        CertificateSummary signer = s.signer();
        out.append("  #").append(n).append(' ').append(signer == null ? "unknown signer" : signer.displayName())
                .append(": ").append(s.verdict()).append('\n');
        out.append("     ").append(s.level() == null ? s.format() : s.level())
                .append(", ").append(s.signatureAlgorithm())
                .append(s.coversWholeDocument() ? ", covers the whole document" : ", does NOT cover the whole document")
                .append('\n');
        if (s.signingTime() != null) {
            out.append("     signing time (claimed): ").append(TIME.format(s.signingTime())).append('\n');
        }
        for (TimestampReport t : s.timestamps()) {
            out.append("     timestamp: ").append(TIME.format(t.productionTime())).append(" by ")
                    .append(t.tsa() == null ? "an unidentified TSA" : t.tsa()).append(" (")
                    .append(t.type().toLowerCase().replace('_', ' ')).append(", ").append(t.verdict()).append(")\n");
        }
        RevocationReport r = s.revocation();
        out.append("     revocation: ").append(r.status());
        if (r.type() != null) {
            out.append(" (").append(r.type()).append(", ").append(r.source().toLowerCase())
                    .append(r.url() == null ? "" : " " + r.url())
                    .append(r.producedAt() == null ? "" : ", produced " + TIME.format(r.producedAt())).append(')');
        }
        if (r.revokedAt() != null) {
            out.append(", revoked ").append(TIME.format(r.revokedAt()));
        }
        out.append('\n');
        if (signer != null) {
            out.append("     certificate: serial ").append(signer.serialNumber()).append(", issued by ")
                    .append(signer.issuerCommonName() == null ? signer.issuer() : signer.issuerCommonName())
                    .append(", valid ").append(DATE.format(signer.notBefore())).append(" to ")
                    .append(DATE.format(signer.notAfter())).append('\n');
        }
        out.append("     trust anchor: ").append(s.trustAnchor() == null ? "none" : s.trustAnchor()).append('\n');
        lines(out, "reason", s.reasons());
        lines(out, "note", s.warnings());
    }

    private static void lines(StringBuilder out, String label, List<String> items) {
        for (String item : items) {
            out.append("     ").append(label).append(": ").append(item).append('\n');
        }
    }

    /** An instant in Vietnam time, ISO 8601 with offset. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
