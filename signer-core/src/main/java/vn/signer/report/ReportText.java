package vn.signer.report;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.signer.certs.CertificateSummary;
import vn.signer.verify.RevocationReport;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.TimestampReport;
import vn.signer.verify.VerificationReport;

/**
 * A verification report as a short text for people, times in Vietnam time, in English (ISO 8601,
 * +07:00) or, for a Vietnamese locale, in Vietnamese (dd/MM/yyyy, "giờ Việt Nam") with the Government
 * CA's verdict words ("Chữ ký hợp lệ", "Chữ ký không hợp lệ", "Không đủ thông tin xác thực"). Whatever comes from the document or
 * its certificates is shown through {@link Printable}: one line per signature, whatever a name holds.
 */
public final class ReportText {
    private ReportText() {
    }

    /** In English. */
    public static String render(VerificationReport report) {
        return render(report, Locale.ROOT);
    }

    /** In Vietnamese when {@code locale}'s language is "vi", else in English. */
    public static String render(VerificationReport report, Locale locale) {
        Labels l = new Labels(Words.of(locale));
        StringBuilder out = new StringBuilder();
        int count = report.signatures().size();
        out.append(Printable.text(report.file())).append(": ").append(l.get("verdict." + report.verdict())).append(' ');
        out.append(count == 0 ? l.get("count.none") : count == 1 ? l.get("count.one") : l.words().fill(l.get("count.many"), List.of(count)));
        out.append('\n');
        int n = 1;
        for (SignatureReport s : report.signatures()) {
            renderSignature(out, n++, s, l);
        }
        return out.toString();
    }

    /** The labels in one language; never the JVM default's, so English stays English on a Vietnamese machine. */
    private record Labels(Words words, ResourceBundle bundle) {
        Labels(Words words) {
            this(words, ResourceBundle.getBundle("vn.signer.report.ReportText", words.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }

        String get(String key) {
            return bundle.getString(key);
        }
    }

    private static void renderSignature(StringBuilder out, int n, SignatureReport s, Labels l) {
        CertificateSummary signer = s.signer();
        out.append("  #").append(n).append(' ').append(signer == null ? l.get("unknownSigner") : Printable.text(signer.displayName()))
                .append(": ").append(l.get("verdict." + s.verdict())).append('\n');
        out.append("     ").append(s.level() == null ? s.format() : s.level())
                .append(", ").append(s.signatureAlgorithm() == null ? "?" : s.signatureAlgorithm())
                .append(", ").append(s.coversWholeDocument() ? l.get("coversWhole") : l.get("notWhole"))
                .append('\n');
        if (s.signingTime() != null) {
            out.append("     ").append(l.get("signingTime")).append(": ").append(l.words().time(s.signingTime())).append('\n');
        }
        for (TimestampReport t : s.timestamps()) {
            out.append("     ").append(l.get("timestamp")).append(": ").append(l.words().time(t.productionTime()))
                    .append(' ').append(l.get("timestampBy")).append(' ')
                    .append(t.tsa() == null ? l.get("unknownTsa") : Printable.text(t.tsa())).append(" (")
                    .append(t.type().toLowerCase().replace('_', ' ')).append(", ").append(t.verdict()).append(")\n");
        }
        RevocationReport r = s.revocation();
        out.append("     ").append(l.get("revocation")).append(": ").append(r.status());
        if (r.type() != null) {
            out.append(" (").append(r.type()).append(", ").append(r.source().toLowerCase())
                    .append(r.url() == null ? "" : " " + Printable.text(r.url()))
                    .append(r.producedAt() == null ? "" : ", " + l.get("produced") + " " + l.words().time(r.producedAt())).append(')');
        }
        if (r.revokedAt() != null) {
            out.append(", ").append(l.get("revoked")).append(' ').append(l.words().time(r.revokedAt()));
        }
        out.append('\n');
        if (signer != null) {
            out.append("     ").append(l.get("certificate")).append(": ").append(l.get("serial")).append(' ')
                    .append(signer.serialNumber()).append(", ").append(l.words().fill(l.get("issuedBy"), List.of(
                            Printable.text(signer.issuerCommonName() == null ? signer.issuer() : signer.issuerCommonName()))))
                    .append(", ").append(l.get("valid")).append(' ').append(l.words().date(signer.notBefore()))
                    .append(' ').append(l.get("to")).append(' ').append(l.words().date(signer.notAfter())).append('\n');
        }
        out.append("     ").append(l.get("trustAnchor")).append(": ").append(s.trustAnchor() == null ? l.get("none") : Printable.text(s.trustAnchor()))
                .append('\n');
        lines(out, l.get("reason"), l.words().texts(s.reasons()));
        lines(out, l.get("note"), l.words().texts(s.warnings()));
    }

    private static void lines(StringBuilder out, String label, List<String> items) {
        for (String item : items) {
            out.append("     ").append(label).append(": ").append(Printable.text(item)).append('\n');
        }
    }

}
