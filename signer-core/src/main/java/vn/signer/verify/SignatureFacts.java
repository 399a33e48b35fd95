package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlPDFLockDictionary;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.signer.certs.CertificateSummary;
import vn.signer.document.DocumentFormat;
import vn.signer.report.Remark;

/**
 * Turns DSS's reports on one signature into a {@link SignatureReport}: facts, plain reasons, and the
 * verdict. DSS's indication is the starting point; signer only ever makes it worse (a document
 * changed in a way not allowed after signing is never VALID).
 */
final class SignatureFacts {
    private final Reports reports;
    private final DocumentFormat format;
    private final long fileLength;
    private final PdfFacts pdf;
    private final Set<Integer> uncomparedPages;
    /** The verdicts of the PDF signatures already reported, which come later in the file. */
    private final Map<String, Verdict> laterVerdicts = new HashMap<>();

    /**
     * @param pdf             what signer read from a PDF's structure itself; null for XML
     * @param uncomparedPages pages DSS's revision comparison could not compare
     */
    SignatureFacts(Reports reports, DocumentFormat format, long fileLength, PdfFacts pdf, Set<Integer> uncomparedPages) {
        this.reports = reports;
        this.format = format;
        this.fileLength = fileLength;
        this.pdf = pdf;
        this.uncomparedPages = Set.copyOf(uncomparedPages);
    }

    /**
     * The report on {@code signature}. For a PDF, call it for the signatures in reverse file order (the
     * last revision first): an earlier signature's verdict depends on whether the later ones are VALID.
     */
    SignatureReport report(SignatureWrapper signature) {
        SimpleReport simple = reports.getSimpleReport();
        String id = signature.getId();
        Indication indication = simple.getIndication(id);
        SubIndication subIndication = simple.getSubIndication(id);

        Verdict verdict = verdictOf(indication);
        Set<Remark> reasons = new LinkedHashSet<>();
        Set<Remark> warnings = new LinkedHashSet<>();
        if (subIndication != null) {
            reasons.add(PlainReasons.of(subIndication));
        }
        if (verdict != Verdict.VALID) {
            simple.getAdESValidationErrors(id).forEach(m -> DssReasons.of(m).ifPresent(reasons::add));
        }
        simple.getAdESValidationWarnings(id).forEach(m -> DssReasons.of(m).ifPresent(warnings::add));

        Remark weak = WeakAlgorithms.of(signature);
        if (weak != null) {
            verdict = Verdict.INVALID;
            reasons.add(weak);
        }
        boolean coversWhole;
        List<Modification> modifications = new ArrayList<>();
        if (format == DocumentFormat.PDF) {
            coversWhole = pdfCoversWhole(signature, fileLength);
            PdfChanges changes = PdfChanges.after(signature);
            modifications.addAll(changes.modifications());
            if (!changes.disallowed().isEmpty()) {
                verdict = Verdict.INVALID;
                reasons.addAll(changes.disallowed());
            } else if (!coversWhole && !changesWereAnalysed(reports, signature.getId()) && verdict == Verdict.VALID) {
                // DSS gives up on the change analysis of every signature at the first error, leaving
                // empty lists that read as "nothing changed": that check was not done, so not VALID.
                verdict = Verdict.INDETERMINATE;
                reasons.add(Remark.of("pdf.changes.unchecked"));
            }
            warnings.addAll(changes.allowed());
            verdict = worse(verdict, pdfStructure(signature, coversWhole, reasons, warnings, modifications));
        } else {
            // XML coverage is read from the document itself, not DSS's scopes: XmlVerification sets it.
            coversWhole = false;
        }
        CertificateWrapper signingCertificate = signature.getSigningCertificate();
        CertificateSummary signer = signingCertificate == null ? null : summary(signingCertificate);
        if (signingCertificate != null && signer == null) {
            verdict = Verdict.INVALID;
            reasons.add(Remark.of("certificate.malformed"));
        }
        Instant claimed = signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant();
        RevocationReport revocation = TimeFacts.revocation(signingCertificate);
        // ETSI leaves "revoked, and nothing proves it was signed before" INDETERMINATE. When the signature
        // itself claims a time after the revocation, the signer says they used a revoked key: INVALID.
        if (subIndication == SubIndication.REVOKED_NO_POE && claimed != null && revocation.revokedAt() != null
                && claimed.isAfter(revocation.revokedAt())) {
            verdict = Verdict.INVALID;
            Set<Remark> first = new LinkedHashSet<>();
            first.add(Remark.of("revoked.claimedAfter", claimed, revocation.revokedAt()));
            first.addAll(reasons);
            reasons.clear();
            reasons.addAll(first);
        }
        if (verdict == Verdict.VALID) {
            reasons.clear();
        }

        List<TimestampReport> timestamps = TimeFacts.timestamps(signature, simple);
        Remark timeWarning = TimeFacts.claimedTimeWarning(claimed, timestamps);
        if (timeWarning != null) {
            warnings.add(timeWarning);
        }
        Date best = simple.getBestSignatureTime(id);
        laterVerdicts.put(id, verdict);
        return new SignatureReport(
                id,
                verdict,
                new ArrayList<>(reasons),
                new ArrayList<>(warnings),
                signer,
                claimed,
                best == null ? null : best.toInstant(),
                timestamps,
                revocation,
                format.signatureFormat(),
                signature.getSignatureFormat() == null ? null : signature.getSignatureFormat().toString(),
                signature.getDigestAlgorithm() == null ? null : signature.getDigestAlgorithm().name(),
                signature.getSignatureAlgorithm() == null ? null : signature.getSignatureAlgorithm().name(),
                coversWhole,
                modifications,
                trustAnchor(signature),
                indication == null ? null : indication.name(),
                subIndication == null ? null : subIndication.name(),
                format == DocumentFormat.PDF ? signature.getFirstFieldName() : null,
                format == DocumentFormat.PDF ? signature.getReason() : null,
                format == DocumentFormat.PDF ? signature.getLocation() : null);
    }

    /**
     * What signer's own reading of the PDF says of one signature: a broken field, and what each stretch of
     * revisions after it changed. A stretch closed by a later VALID signature is that signer's doing: its
     * signature's own widget (the seal over the personal signature) is allowed; anything else that would
     * not be allowed unsigned is not allowed either. A stretch closed by a signature that is not VALID, or
     * by a document timestamp or the end of the file, is judged as unsigned. Returns the best verdict
     * those facts allow.
     */
    private Verdict pdfStructure(SignatureWrapper signature, boolean coversWhole, Set<Remark> reasons,
                                 Set<Remark> warnings, List<Modification> modifications) {
        if (pdf.unreadable() != null) {
            reasons.add(pdf.unreadable());
            return Verdict.INDETERMINATE;
        }
        Verdict verdict = Verdict.VALID;
        List<BigInteger> range = signature.getSignatureByteRange();
        for (PdfSignatureFields.Field field : pdf.fields()) {
            if (field.problem() != null && (field.hasRange(range) || signature.getSignatureFieldNames().contains(field.name()))) {
                reasons.add(field.problem());
                verdict = Verdict.INVALID;
            }
        }
        List<String> vouching = new ArrayList<>();
        for (PdfFacts.Stretch stretch : pdf.after(revisionEnd(signature))) {
            Verdict closing = stretch.closedBy() == null ? null : laterVerdicts.get(stretch.closedBy());
            String closer = stretch.closedBy() == null ? null : signerOf(stretch.closedBy());
            if (closing == Verdict.VALID) {
                vouching.add(closer);
            }
            for (UnsignedChanges.Change change : stretch.changes()) {
                Remark text = change.remark();
                boolean vouched = closing == Verdict.VALID && change.kind().equals("SIGNATURE_WIDGET");
                Remark forbidden = change.allowed() || vouched ? forbiddenBy(signature, change) : null;
                if (forbidden != null) {
                    text = Remark.of("pdf.unsigned.forbidden", text, forbidden);
                }
                boolean allowed = (change.allowed() || vouched) && forbidden == null;
                if (vouched && allowed) {
                    continue;
                }
                text = closer != null ? Remark.of("pdf.stretch.signedBy", text, closer) : Remark.of("pdf.stretch.unsigned", text);
                modifications.add(new Modification("UNSIGNED_" + change.kind(), text, allowed));
                if (allowed) {
                    warnings.add(text);
                } else if (closing == Verdict.INDETERMINATE) {
                    reasons.add(Remark.of("pdf.stretch.closerUnknown", text));
                    verdict = worse(verdict, Verdict.INDETERMINATE);
                } else {
                    reasons.add(text);
                    verdict = Verdict.INVALID;
                }
            }
            if (stretch.unchecked() != null) {
                reasons.add(stretch.unchecked());
                verdict = worse(verdict, Verdict.INDETERMINATE);
            }
        }
        if (!vouching.isEmpty() && !coversWhole) {
            Remark text = Remark.of("pdf.signedLater", String.join("; ", vouching));
            modifications.add(new Modification("SIGNED_LATER", text, true));
            warnings.add(text);
        }
        if (!coversWhole && !uncomparedPages.isEmpty()) {
            reasons.add(Remark.of("pdf.pages.uncompared", uncomparedPages.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")), PageContent.MAX_PIXELS / 1_000_000));
            verdict = worse(verdict, Verdict.INDETERMINATE);
        }
        return verdict;
    }

    /**
     * Why this signature forbids a change that is harmless by itself, or null: a certification
     * (DocMDP) that allows no change, or only form filling and signing; a lock on the field filled.
     */
    private static Remark forbiddenBy(SignatureWrapper signature, UnsignedChanges.Change change) {
        CertificationPermission certified = signature.getDocMDPPermissions();
        if (certified == CertificationPermission.NO_CHANGE_PERMITTED) {
            return Remark.of("pdf.unsigned.certifiedNoChange");
        }
        if (certified == CertificationPermission.MINIMAL_CHANGES_PERMITTED && change.kind().equals("ANNOTATION")) {
            return Remark.of("pdf.unsigned.certifiedFormOnly");
        }
        if (change.field() != null && (locks(signature.getFieldMDP(), change.field())
                || locks(signature.getSigFieldLock(), change.field()))) {
            return Remark.of("pdf.unsigned.locked", change.field());
        }
        return null;
    }

    private static boolean locks(XmlPDFLockDictionary lock, String field) {
        if (lock == null || lock.getAction() == null) {
            return false;
        }
        return switch (lock.getAction()) {
            case ALL -> true;
            case INCLUDE -> lock.getFields().contains(field);
            case EXCLUDE -> !lock.getFields().contains(field);
        };
    }

    /**
     * Reports for signatures in signature fields that DSS passed over: their value is present but
     * broken (no usable byte range, no CMS value). A signature that is there and cannot be checked is
     * INVALID, never "no signature".
     */
    List<SignatureReport> brokenPdfSignatures() {
        if (pdf == null) {
            return List.of();
        }
        List<List<BigInteger>> known = new ArrayList<>();
        reports.getDiagnosticData().getSignatures().forEach(s -> known.add(s.getSignatureByteRange()));
        reports.getDiagnosticData().getTimestampList().forEach(t -> {
            if (t.getPDFRevision() != null) {
                known.add(t.getPDFRevision().getSignatureByteRange());
            }
        });
        return pdf.fields().stream()
                .filter(f -> known.stream().noneMatch(f::hasRange))
                .map(f -> fieldReport(f, Verdict.INVALID, (f.problemUnread() != null ? f.problemUnread()
                        : Remark.of("pdf.broken.unreadable", f.name()))))
                .toList();
    }

    /**
     * Reports for the signature fields of a PDF DSS could not process at all ({@code why}): a broken one
     * is INVALID, the others INDETERMINATE ({@code why} is DSS's own text, quoted as a detail). Empty when the document has no signature field with a value.
     */
    static List<SignatureReport> unprocessablePdf(PdfFacts pdf, String why) {
        return pdf.fields().stream()
                .map(f -> f.problemUnread() != null ? fieldReport(f, Verdict.INVALID, f.problemUnread())
                        : fieldReport(f, Verdict.INDETERMINATE, Remark.of("pdf.unprocessable", f.name(), why)))
                .toList();
    }

    /**
     * The report for a PDF in which DSS found no signature but whose form signer could not read (a field
     * tree past every real form's size): whether it is signed is not established, which is not "unsigned".
     */
    static List<SignatureReport> unreadablePdf(PdfFacts pdf) {
        return pdf.unreadable() == null ? List.of() : List.of(new SignatureReport("PDF-STRUCTURE", Verdict.INDETERMINATE,
                List.of(pdf.unreadable()), List.of(), null, null, null, List.of(), RevocationReport.NONE,
                DocumentFormat.PDF.signatureFormat(), null, null, null, false, List.of(), null, null, null, null, null, null));
    }

    private static SignatureReport fieldReport(PdfSignatureFields.Field field, Verdict verdict, Remark reason) {
        return new SignatureReport("PDF-FIELD-" + field.name(), verdict, List.of(reason), List.of(), null, null, null, List.of(),
                RevocationReport.NONE, DocumentFormat.PDF.signatureFormat(), null, null, null, false, List.of(), null, null, null,
                field.name(), null, null);
    }

    /** A signature named for a reader: its field and its signer's common name. */
    private String signerOf(String signatureId) {
        SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(signatureId);
        if (signature == null) {
            return signatureId;
        }
        String field = signature.getFirstFieldName() == null ? signatureId : signature.getFirstFieldName();
        return signature.getSigningCertificate() == null || signature.getSigningCertificate().getCommonName() == null
                ? field : field + " (" + signature.getSigningCertificate().getCommonName() + ")";
    }

    /** Where the revision a signature signs ends. */
    static long revisionEnd(SignatureWrapper signature) {
        return rangeEnd(signature.getSignatureByteRange());
    }

    /** Where the revision a byte range signs ends: the end of its second part, or 0 when it is not four numbers. */
    static long rangeEnd(List<BigInteger> range) {
        return range == null || range.size() != 4 ? 0 : range.get(2).add(range.get(3)).longValue();
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return Verdict.worst(List.of(a, b));
    }

    /** An ETSI indication as a verdict; no indication is INDETERMINATE. Timestamps use it too. */
    static Verdict verdictOf(Indication indication) {
        if (indication == null) {
            return Verdict.INDETERMINATE;
        }
        return switch (indication) {
            case TOTAL_PASSED, PASSED -> Verdict.VALID;
            case TOTAL_FAILED, FAILED -> Verdict.INVALID;
            default -> Verdict.INDETERMINATE;
        };
    }

    private static boolean changesWereAnalysed(Reports reports, String id) {
        return reports.getDiagnosticData().getJaxbModel().getSignatures().stream()
                .filter(s -> s.getId().equals(id)).findFirst()
                .map(s -> s.getPDFRevision() != null && s.getPDFRevision().getModificationDetection() != null)
                .orElse(false);
    }

    /** A PDF signature covers the whole file when its byte range reaches the end of the file. */
    private static boolean pdfCoversWhole(SignatureWrapper signature, long fileLength) {
        List<BigInteger> range = signature.getSignatureByteRange();
        if (range == null || range.size() != 4) {
            return false;
        }
        return range.get(0).signum() == 0 && rangeEnd(range) == fileLength;
    }

    private static String trustAnchor(SignatureWrapper signature) {
        return signature.getCertificateChain().stream().filter(CertificateWrapper::isTrusted).findFirst()
                .map(SignatureFacts::summary).map(CertificateSummary::subject).orElse(null);
    }

    /**
     * The certificate as the JDK reads it, or null when it cannot: DSS parses more leniently (a
     * signature algorithm named differently inside and outside the signed part, say, which RFC 5280
     * forbids), so a document can carry a certificate DSS uses and the JDK refuses.
     */
    private static CertificateSummary summary(CertificateWrapper certificate) {
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getBinaries()));
            return CertificateSummary.of(x509);
        } catch (CertificateException | RuntimeException e) {
            // The JDK reports a malformed certificate by CertificateException and by unchecked exceptions alike.
            return null;
        }
    }
}
