package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDiagnosticData;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignature;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.validation.executor.signature.DefaultSignatureProcessExecutor;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.signer.document.DocumentFormat;
import vn.signer.report.Remark;
import vn.signer.verify.xml.XmlFinding;

/**
 * The verdicts of an XML document's signatures: DSS's facts on each (with {@link XmlDsigPolicy} for
 * plain XMLDSig ones), then what signer's own reading of the document ({@link XmlFinding}) adds. A
 * failed digest or signature value is INVALID whatever else could not be established; a signature
 * whose content is not the document (or what its profile requires) is never VALID.
 */
final class XmlVerification {
    static final String XMLDSIG = "XMLDSig";

    private XmlVerification() {
    }

    /** Parsed on first use only: documents without plain XMLDSig never pay for it. */
    private static final class Relaxed {
        static final ValidationPolicy POLICY = XmlDsigPolicy.create();
    }

    /** Whether DSS must not see the document at all: a signature in it is one signer refuses to process. */
    static boolean refuses(List<XmlFinding> findings) {
        return findings.stream().anyMatch(XmlFinding::refused);
    }

    /** @param contentGiven whether any detached content was given, to say which is missing when one is */
    static List<SignatureReport> reports(List<XmlFinding> findings, Reports reports, long length, boolean contentGiven) {
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        boolean anyPlain = signatures.stream().anyMatch(XmlVerification::isPlain);
        Reports plain = anyPlain ? plainReports(findings, reports) : null;
        List<SignatureReport> result = new ArrayList<>();
        // By identity: two signature elements may read the same (a copied signature).
        Set<XmlFinding> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SignatureWrapper signature : signatures) {
            boolean isPlain = isPlain(signature);
            Reports source = isPlain ? plain : reports;
            SignatureWrapper facts = isPlain ? plain.getDiagnosticData().getSignatureById(signature.getId()) : signature;
            XmlFinding finding = pair(signature.getSignatureValue(), findings.stream().filter(f -> !paired.contains(f)).toList());
            SignatureReport report = new SignatureFacts(source, DocumentFormat.XML, length, null, Set.of()).report(facts);
            if (finding == null) {
                // DSS found a signature signer's reading did not: what it covers is unknown.
                result.add(adjust(report, isPlain, false, null, List.of(Remark.of("xml.unpaired")), Verdict.INDETERMINATE,
                        List.of()));
            } else {
                paired.add(finding);
                result.add(withFinding(report, facts, isPlain, finding, contentGiven));
            }
        }
        for (XmlFinding finding : findings) {
            if (!paired.contains(finding)) {
                result.add(unverified(result.size(), finding, Remark.of("xml.unrecognised")));
            }
        }
        return result;
    }

    /** The document holds a signature signer refuses: each gets its reasons, the others are not verified. */
    static List<SignatureReport> refused(List<XmlFinding> findings) {
        Remark refusal = findings.stream().filter(XmlFinding::refused).findFirst()
                .map(f -> words(f.problems().get(0))).orElseThrow();
        List<SignatureReport> result = new ArrayList<>();
        for (XmlFinding finding : findings) {
            result.add(finding.refused() ? unverified(result.size(), finding, null)
                    : unverified(result.size(), finding, Remark.of("xml.notProcessed", refusal)));
        }
        return result;
    }

    /** DSS could not process the document: nothing about its signatures was established. */
    static List<SignatureReport> unprocessable(List<XmlFinding> findings, String message) {
        List<SignatureReport> result = new ArrayList<>();
        for (XmlFinding finding : findings) {
            result.add(unverified(result.size(), finding, Remark.of("xml.unprocessable", message)));
        }
        return result;
    }

    private static boolean isPlain(SignatureWrapper signature) {
        return signature.getSignatureFormat() == SignatureLevel.XML_NOT_ETSI;
    }

    /**
     * DSS's verdicts again on the same diagnostic data (no second parse or fetch), under the XMLDSig
     * policy, with each plain signature's SignatureProperty signing time as its claimed time.
     */
    private static Reports plainReports(List<XmlFinding> findings, Reports reports) {
        XmlDiagnosticData data = reports.getDiagnosticData().getJaxbModel();
        for (XmlSignature signature : data.getSignatures()) {
            XmlFinding finding = pair(signature.getSignatureValue(), findings);
            if (signature.getSignatureFormat() == SignatureLevel.XML_NOT_ETSI && finding != null
                    && finding.signingTime() != null) {
                signature.setClaimedSigningTime(Date.from(finding.signingTime()));
            }
        }
        DefaultSignatureProcessExecutor executor = new DefaultSignatureProcessExecutor();
        executor.setDiagnosticData(data);
        executor.setValidationPolicy(Relaxed.POLICY);
        executor.setCurrentTime(data.getValidationDate());
        executor.setEnableEtsiValidationReport(false);
        return executor.execute();
    }

    private static XmlFinding pair(byte[] signatureValue, List<XmlFinding> findings) {
        if (signatureValue == null) {
            return null;
        }
        return findings.stream().filter(f -> Arrays.equals(f.signatureValue(), signatureValue)).findFirst().orElse(null);
    }

    private static SignatureReport withFinding(SignatureReport report, SignatureWrapper facts, boolean isPlain,
                                               XmlFinding finding, boolean contentGiven) {
        // Wrapping and coverage first: they say what is wrong with the document, not only with the digest.
        List<Remark> reasons = new ArrayList<>();
        finding.problems().forEach(p -> reasons.add(words(p)));
        Verdict floor = finding.ceiling();
        // A reference to a file that is not there: a detached signature whose content was not given (or
        // not under the name the reference gives). What it signed was not checked.
        List<String> missing = facts.getDigestMatchers().stream().filter(m -> !m.isDataFound() && external(m.getUri()))
                .map(m -> m.getUri()).distinct().toList();
        // DSS stops at the first building block that fails: a signature whose certificate is unknown is
        // INDETERMINATE even when its digest does not match. A cryptographic failure is INVALID regardless.
        if (facts.getDigestMatchers().stream().anyMatch(m -> m.isDataFound() && !m.isDataIntact())) {
            reasons.add(Remark.of("HASH_FAILURE"));
            floor = Verdict.INVALID;
        } else if (!missing.isEmpty()) {
            // XMLDSig checks the signature value only once every reference is resolved: with one missing,
            // "not intact" means "not checked", not a value that failed.
            reasons.add(Remark.of(contentGiven ? "xml.detached.notAmong" : "xml.detached.notGiven", String.join(", ", missing)));
            floor = Verdict.worst(List.of(floor, Verdict.INDETERMINATE));
        } else if (!facts.isSignatureIntact() && finding.certificateOffered()) {
            reasons.add(Remark.of("SIG_CRYPTO_FAILURE"));
            floor = Verdict.INVALID;
        }
        List<Remark> warnings = finding.profile() == null ? List.of() : List.of(Remark.of("xml.profile." + finding.profile()));
        return adjust(report, isPlain, finding.coversWhole(), finding.signingTime(), reasons, floor, warnings);
    }

    /** A reference's URI naming something outside the document (not "" nor "#id"). */
    private static boolean external(String uri) {
        return uri != null && !uri.isEmpty() && !uri.startsWith("#");
    }

    private static SignatureReport adjust(SignatureReport report, boolean isPlain, boolean coversWhole, Instant claimed,
                                          List<Remark> ours, Verdict floor, List<Remark> extraWarnings) {
        Verdict verdict = Verdict.worst(List.of(report.verdict(), floor));
        Set<Remark> reasons = new LinkedHashSet<>(ours);
        reasons.addAll(report.reasons());
        Set<Remark> warnings = new LinkedHashSet<>(report.warnings());
        warnings.addAll(extraWarnings);
        return new SignatureReport(report.id(), verdict, verdict == Verdict.VALID ? List.of() : new ArrayList<>(reasons),
                new ArrayList<>(warnings), report.signer(), report.signingTime() != null ? report.signingTime() : claimed,
                report.bestSignatureTime(), report.timestamps(), report.revocation(),
                isPlain ? XMLDSIG : report.format(), isPlain ? XMLDSIG : report.level(),
                report.digestAlgorithm(), report.signatureAlgorithm(), coversWhole, report.modifications(),
                report.trustAnchor(), report.indication(), report.subIndication(), null, null, null);
    }

    /** A signature DSS did not check: its own problems, or {@code reason}, and nothing DSS would know. */
    private static SignatureReport unverified(int index, XmlFinding finding, Remark reason) {
        List<Remark> reasons = new ArrayList<>();
        if (reason != null) {
            reasons.add(reason);
        }
        finding.problems().forEach(p -> reasons.add(words(p)));
        Verdict verdict = Verdict.worst(List.of(finding.ceiling(), Verdict.INDETERMINATE));
        return new SignatureReport("XML-SIGNATURE-" + (index + 1), verdict, reasons, List.of(), null,
                finding.signingTime(), null, List.of(), RevocationReport.NONE, XMLDSIG, XMLDSIG, null, null,
                finding.coversWhole(), List.of(), null, null, null, null, null, null);
    }

    private static Remark words(XmlFinding.Problem problem) {
        return new Remark(problem.key(), List.copyOf(problem.args()));
    }
}
