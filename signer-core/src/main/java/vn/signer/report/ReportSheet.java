package vn.signer.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.signer.certs.CertificateSummary;
import vn.signer.verify.Modification;
import vn.signer.verify.RevocationReport;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.TimestampReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * A verification report put into words for people, in one language: what the verification page of
 * the server and the PDF report to keep both show, so that the two say the same in the same words
 * (the ReportText and Reasons bundles, shared with the command line's text report). Every value that
 * comes from the document or its certificates is NFC with its control characters escaped
 * ({@link Printable}); a renderer escapes it further for its own medium (HTML) and draws nothing else.
 *
 * @param language   English ({@link Locale#ROOT}) or Vietnamese
 * @param title      the report's title
 * @param verdict    the document's verdict
 * @param headline   the verdict in words ("Chữ ký hợp lệ", ...)
 * @param summary    why, in one sentence
 * @param document   what was checked: the file, its SHA-256, when, against which roots and policy
 * @param signatures one card per signature, in document order
 * @param timeline   a PDF's revisions, one per signature, with what changed after each; empty for XML
 * @param footer     who made the report and when
 */
public record ReportSheet(Locale language, String title, Verdict verdict, String headline, String summary,
                          List<Fact> document, List<Card> signatures, List<Revision> timeline, String footer) {
    private static final String LABELS = "vn.signer.report.ReportText";
    /** The warnings that say the claimed signing time is not the proven one, shown as a fact of their own. */
    private static final Set<String> TIME_MISMATCH = Set.of("time.vietnamAsUtc", "time.differs");

    public ReportSheet {
        document = List.copyOf(document);
        signatures = List.copyOf(signatures);
        timeline = List.copyOf(timeline);
    }

    /**
     * A labelled value.
     *
     * @param label the label, signer's words
     * @param value the value, made printable
     * @param alert whether a reader must not miss it (a +7 h signing time, a signature that does not cover the document)
     */
    public record Fact(String label, String value, boolean alert) {
    }

    /**
     * One signature.
     *
     * @param title    "Chữ ký số 1", ...
     * @param signer   who signed, or the words for an unknown signer
     * @param verdict  the signature's verdict
     * @param headline the verdict in words
     * @param facts    the signature's facts, in the order they are shown
     * @param reasons  why the verdict is not VALID, in plain words
     * @param notes    what is worth knowing but did not change the verdict
     */
    public record Card(String title, String signer, Verdict verdict, String headline, List<Fact> facts, List<String> reasons,
                       List<String> notes) {
        public Card {
            facts = List.copyOf(facts);
            reasons = List.copyOf(reasons);
            notes = List.copyOf(notes);
        }
    }

    /**
     * A revision of a PDF: the signature that closed it and what later revisions changed.
     *
     * @param title   "Phiên bản 1: do ... ký, ..."
     * @param verdict the verdict of the signature that closed it
     * @param changes what changed after it; none when nothing did
     * @param nothing the words for no change, shown when {@code changes} is empty
     */
    public record Revision(String title, Verdict verdict, List<Change> changes, String nothing) {
        public Revision {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A change made after a signature.
     *
     * @param text        what changed
     * @param allowed     whether the signature allows it
     * @param allowedText "được phép" or "KHÔNG được phép"
     */
    public record Change(String text, boolean allowed, String allowedText) {
    }

    /** {@code report} in {@code words}' language, with the details of the check. */
    public static ReportSheet of(VerificationReport report, ReportDetails details, Words words) {
        Labels l = new Labels(words);
        List<Card> cards = new ArrayList<>();
        List<Revision> timeline = new ArrayList<>();
        int n = 1;
        for (SignatureReport s : report.signatures()) {
            cards.add(card(n, s, l));
            if ("PDF".equals(report.format())) {
                timeline.add(revision(n, s, l));
            }
            n++;
        }
        return new ReportSheet(words.locale(), l.get("title"), report.verdict(), l.get("headline." + report.verdict()),
                summary(report, l), documentFacts(report, details, l), cards, timeline,
                l.get("footer", words.time(report.validationTime())));
    }

    /** The words of the ReportText bundle in one language. */
    private record Labels(Words words) {
        String get(String key, Object... args) {
            return words.message(LABELS, key, List.of(args));
        }
    }

    private static String summary(VerificationReport report, Labels l) {
        if (report.verdict() == Verdict.VALID || report.verdict() == Verdict.NO_SIGNATURE) {
            return l.get("summary." + report.verdict());
        }
        List<SignatureReport> signatures = report.signatures();
        for (int i = 0; i < signatures.size(); i++) {
            SignatureReport s = signatures.get(i);
            if (s.verdict() == report.verdict()) {
                String who = signerName(s, l);
                return s.reasons().isEmpty() ? l.get("summary.undetermined", i + 1, who)
                        : l.get("summary.signature", i + 1, who, Printable.text(l.words().text(s.reasons().get(0))));
            }
        }
        throw new IllegalStateException("no signature has the document's verdict " + report.verdict());
    }

    private static List<Fact> documentFacts(VerificationReport report, ReportDetails details, Labels l) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(l.get("doc.name"), Printable.text(report.file()), false));
        facts.add(new Fact(l.get("doc.sha256"), details.sha256(), false));
        for (ReportDetails.Content content : details.detached()) {
            facts.add(new Fact(l.get("doc.detached"), Printable.text(content.name()) + " (SHA-256 " + content.sha256() + ")", false));
        }
        facts.add(new Fact(l.get("doc.format"), report.format(), false));
        facts.add(new Fact(l.get("doc.count"), l.words().number(report.signatures().size()), false));
        facts.add(new Fact(l.get("doc.checkedAt"), l.words().time(report.validationTime()), false));
        if (details.trustProfile() != null) {
            facts.add(new Fact(l.get("doc.trustProfile"), Printable.text(details.trustProfile()), false));
        }
        facts.add(new Fact(l.get("doc.trustAnchors"), details.trustAnchors().isEmpty() ? l.words().message(LABELS, "none", List.of())
                : String.join("; ", details.trustAnchors().stream().map(Printable::text).toList()), details.trustAnchors().isEmpty()));
        facts.add(new Fact(l.get("doc.policy"), l.get("policy.default"), false));
        return facts;
    }

    private static String signerName(SignatureReport s, Labels l) {
        return s.signer() == null ? l.get("unknownSigner") : Printable.text(s.signer().displayName());
    }

    private static Card card(int n, SignatureReport s, Labels l) {
        List<Fact> facts = new ArrayList<>();
        CertificateSummary signer = s.signer();
        if (signer != null) {
            add(facts, l.get("card.signer"), signer.commonName() != null ? signer.commonName() : signer.subject());
            add(facts, l.get("card.organisation"), signer.organization());
            add(facts, l.get("card.unit"), signer.organizationalUnit());
            add(facts, l.get("card.position"), signer.title());
            add(facts, l.get("card.issuer"), signer.issuerCommonName() != null ? signer.issuerCommonName() : signer.issuer());
        } else {
            facts.add(new Fact(l.get("card.signer"), l.get("unknownSigner"), true));
        }
        facts.add(new Fact(l.get("trustAnchor"), s.trustAnchor() == null ? l.get("none") : Printable.text(s.trustAnchor()),
                s.trustAnchor() == null));
        if (s.signingTime() != null) {
            facts.add(new Fact(l.get("card.claimed"), l.words().time(s.signingTime()), false));
        }
        TimestampReport proof = s.timestamps().stream().filter(t -> t.verdict() == Verdict.VALID).findFirst().orElse(null);
        facts.add(proof == null ? new Fact(l.get("card.proven"), l.get("card.notProven"), false)
                : new Fact(l.get("card.proven"), l.words().time(proof.productionTime()) + " — " + l.get("timestampBy") + " "
                        + (proof.tsa() == null ? l.get("unknownTsa") : Printable.text(proof.tsa())), false));
        List<String> notes = new ArrayList<>();
        for (Remark warning : s.warnings()) {
            String text = Printable.text(l.words().text(warning));
            if (TIME_MISMATCH.contains(warning.code())) {
                facts.add(new Fact(l.get("card.timeMismatch"), text, true));
            } else {
                notes.add(text);
            }
        }
        add(facts, l.get("card.level"), s.level() == null ? s.format() : s.level());
        add(facts, l.get("card.algorithm"), s.signatureAlgorithm());
        facts.add(revocation(s.revocation(), l));
        if (signer != null) {
            facts.add(new Fact(l.get("card.validity"), l.get("card.validityPeriod", l.words().date(signer.notBefore()),
                    l.words().date(signer.notAfter())), false));
            add(facts, l.get("card.serial"), signer.serialNumber());
        }
        facts.add(new Fact(l.get("card.coverage"), s.coversWholeDocument() ? l.get("coversWhole") : l.get("notWhole"),
                !s.coversWholeDocument()));
        add(facts, l.get("card.field"), s.pdfField());
        add(facts, l.get("card.reasonGiven"), s.reason());
        add(facts, l.get("card.location"), s.location());
        List<String> reasons = s.reasons().stream().map(r -> Printable.text(l.words().text(r))).toList();
        return new Card(l.get("card.title", n), signerName(s, l), s.verdict(), l.get("headline." + s.verdict()), facts, reasons,
                notes);
    }

    private static Fact revocation(RevocationReport r, Labels l) {
        String status = l.words().has(LABELS, "revocation." + r.status()) ? l.get("revocation." + r.status()) : r.status();
        String text = r.type() == null ? status : l.get("revocation.from", status, r.type(),
                l.get("source." + r.source()) + (r.url() == null ? "" : " " + Printable.text(r.url()))
                        + (r.producedAt() == null ? "" : ", " + l.get("produced") + " " + l.words().time(r.producedAt())));
        if (r.revokedAt() != null) {
            text += l.get("revocation.at", l.words().time(r.revokedAt()));
        }
        return new Fact(l.get("card.revocation"), text, !"GOOD".equals(r.status()));
    }

    private static Revision revision(int n, SignatureReport s, Labels l) {
        Instant when = s.timestamps().stream().filter(t -> t.verdict() == Verdict.VALID).map(TimestampReport::productionTime)
                .findFirst().orElse(s.signingTime());
        String title = l.get("timeline.revision", n, signerName(s, l), when == null ? l.get("timeline.unknownTime") : l.words().time(when));
        List<Change> changes = new ArrayList<>();
        for (Modification m : s.modifications()) {
            changes.add(new Change(Printable.text(l.words().text(m.description())), m.allowed(),
                    l.get(m.allowed() ? "timeline.allowed" : "timeline.forbidden")));
        }
        return new Revision(title, s.verdict(), changes, l.get("timeline.nothingAfter"));
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null) {
            facts.add(new Fact(label, Printable.text(value), false));
        }
    }
}
