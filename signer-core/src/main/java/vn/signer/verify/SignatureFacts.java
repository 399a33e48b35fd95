package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.signer.certs.CertificateSummary;
import vn.signer.document.DocumentFormat;

/**
 * Turns DSS's reports on one signature into a {@link SignatureReport}: facts, plain reasons, and the
 * verdict. DSS's indication is the starting point; signer only ever makes it worse (a document
 * changed in a way not allowed after signing is never VALID).
 */
final class SignatureFacts {
    private SignatureFacts() {
    }

    static SignatureReport report(SignatureWrapper signature, Reports reports, DocumentFormat format, long fileLength,
                                  Texts texts) {
        SimpleReport simple = reports.getSimpleReport();
        String id = signature.getId();
        Indication indication = simple.getIndication(id);
        SubIndication subIndication = simple.getSubIndication(id);

        Verdict verdict = verdictOf(indication);
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        if (subIndication != null) {
            reasons.add(PlainReasons.explain(subIndication, texts));
        }
        if (verdict != Verdict.VALID) {
            simple.getAdESValidationErrors(id).stream().map(Message::getValue).forEach(reasons::add);
        }
        simple.getAdESValidationWarnings(id).stream().map(Message::getValue).forEach(warnings::add);

        boolean coversWhole;
        List<Modification> modifications = List.of();
        if (format == DocumentFormat.PDF) {
            coversWhole = pdfCoversWhole(signature, fileLength);
            PdfChanges changes = PdfChanges.after(signature, texts);
            modifications = changes.modifications();
            if (!changes.disallowed().isEmpty()) {
                verdict = Verdict.INVALID;
                reasons.addAll(changes.disallowed());
            } else if (!coversWhole && !changesWereAnalysed(reports, signature.getId()) && verdict == Verdict.VALID) {
                // DSS gives up on the change analysis of every signature at the first error, leaving
                // empty lists that read as "nothing changed": that check was not done, so not VALID.
                verdict = Verdict.INDETERMINATE;
                reasons.add(texts.get("pdf.changes.unchecked"));
            }
            warnings.addAll(changes.allowed());
        } else {
            // XML coverage is read from the document itself, not DSS's scopes: XmlVerification sets it.
            coversWhole = false;
        }
        CertificateWrapper signingCertificate = signature.getSigningCertificate();
        Instant claimed = signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant();
        RevocationReport revocation = TimeFacts.revocation(signingCertificate);
        // ETSI leaves "revoked, and nothing proves it was signed before" INDETERMINATE. When the signature
        // itself claims a time after the revocation, the signer says they used a revoked key: INVALID.
        if (subIndication == SubIndication.REVOKED_NO_POE && claimed != null && revocation.revokedAt() != null
                && claimed.isAfter(revocation.revokedAt())) {
            verdict = Verdict.INVALID;
            Set<String> first = new LinkedHashSet<>();
            first.add(texts.get("revoked.claimedAfter", claimed, revocation.revokedAt()));
            first.addAll(reasons);
            reasons.clear();
            reasons.addAll(first);
        }
        if (verdict == Verdict.VALID) {
            reasons.clear();
        }

        List<TimestampReport> timestamps = TimeFacts.timestamps(signature, simple);
        String timeWarning = TimeFacts.claimedTimeWarning(claimed, timestamps, texts);
        if (timeWarning != null) {
            warnings.add(timeWarning);
        }
        Date best = simple.getBestSignatureTime(id);
        return new SignatureReport(
                id,
                verdict,
                new ArrayList<>(reasons),
                new ArrayList<>(warnings),
                signingCertificate == null ? null : summary(signingCertificate),
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
        return range.get(0).signum() == 0 && range.get(2).add(range.get(3)).longValue() == fileLength;
    }

    private static String trustAnchor(SignatureWrapper signature) {
        return signature.getCertificateChain().stream().filter(CertificateWrapper::isTrusted).findFirst()
                .map(c -> summary(c).subject()).orElse(null);
    }

    private static CertificateSummary summary(CertificateWrapper certificate) {
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getBinaries()));
            return CertificateSummary.of(x509);
        } catch (CertificateException e) {
            throw new IllegalStateException("DSS returned a certificate the JDK cannot read", e);
        }
    }
}
