package vn.signer.report;

import java.time.Instant;
import java.util.List;
import vn.signer.certs.CertificateSummary;
import vn.signer.verify.Modification;
import vn.signer.verify.RevocationReport;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.TimestampReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** Verification reports made up for rendering tests: every verdict, a hostile subject, a +7 h claimed time, a timeline. */
public final class ReportSheets {
    public static final Instant CHECKED = Instant.parse("2026-12-03T08:00:00Z");
    public static final Instant STAMPED = Instant.parse("2026-12-01T02:30:00Z");
    public static final String SHA256 = "ab".repeat(32);
    public static final ReportDetails DETAILS = new ReportDetails(SHA256, "demo",
            List.of("C=VN,O=signer DEMO PKI,CN=signer DEMO Root CA"), List.of());

    private ReportSheets() {
    }

    public static CertificateSummary certificate(String commonName, String organisation, String title) {
        return new CertificateSummary("C=VN,O=" + organisation + ",CN=" + commonName, commonName, organisation, "Ban Giám đốc", title,
                "C=VN,O=signer DEMO PKI,CN=signer DEMO Issuing CA", "signer DEMO Issuing CA", "4CA3BE7C",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z"), List.of("nonRepudiation"), "RSA", 3072,
                "cd".repeat(32));
    }

    /** A signature of {@code verdict} by {@code signer}, with {@code reasons}, {@code warnings} and {@code changes}. */
    public static SignatureReport signature(Verdict verdict, CertificateSummary signer, Instant claimed, List<Remark> reasons,
                                            List<Remark> warnings, List<Modification> changes) {
        return new SignatureReport("S-1", verdict, reasons, warnings, signer, claimed, STAMPED,
                List.of(new TimestampReport("SIGNATURE_TIMESTAMP", STAMPED, "signer DEMO TSA", Verdict.VALID)),
                new RevocationReport("GOOD", "CRL", "FILE", null, Instant.parse("2026-11-27T00:00:00Z"), null),
                "PAdES", "PAdES-BASELINE-T", "SHA256", "RSA_SHA256", changes.isEmpty(), changes,
                verdict == Verdict.INDETERMINATE ? null : "C=VN,O=signer DEMO PKI,CN=signer DEMO Root CA",
                "TOTAL_PASSED", null, "Signature1", "Ký duyệt", "Lam Giang");
    }

    public static VerificationReport valid() {
        return report(signature(Verdict.VALID, certificate("Đặng Thị Phượng", "Sở Khoa học và Công nghệ", "Phó Giám đốc"),
                STAMPED.plusSeconds(7 * 3600), List.of(), List.of(Remark.of("time.vietnamAsUtc", STAMPED)), List.of()));
    }

    public static VerificationReport of(Verdict verdict, Remark reason) {
        return report(signature(verdict, certificate("Nguyễn Văn An", "Bộ Ngoại giao", "Chuyên viên"), STAMPED,
                List.of(reason), List.of(), List.of(new Modification("UNSIGNED_PAGES", Remark.of("pdf.unsigned.pageCount", 1, 2), false))));
    }

    public static VerificationReport unsigned() {
        return new VerificationReport("khong-ky.pdf", "PDF", Verdict.NO_SIGNATURE, List.of(), CHECKED);
    }

    /** The name of the signer and its organisation are markup, a bidi override and a control character. */
    public static VerificationReport hostile() {
        CertificateSummary evil = certificate("<script>alert(1)</script>\u202eevil\u0007", "A & B \"Co\" <img src=x onerror=alert(2)>",
                "Cán bộ");
        return new VerificationReport("<b>x</b>.pdf", "PDF", Verdict.VALID, List.of(signature(Verdict.VALID, evil, STAMPED, List.of(),
                List.of(), List.of())), CHECKED);
    }

    public static VerificationReport report(SignatureReport... signatures) {
        List<SignatureReport> list = List.of(signatures);
        return new VerificationReport("cong-van.pdf", "PDF",
                Verdict.worst(list.stream().map(SignatureReport::verdict).toList()), list, CHECKED);
    }
}
