package vn.signer.verify;

import java.time.Instant;
import java.util.List;
import vn.signer.certs.CertificateSummary;
import vn.signer.report.Remark;

/**
 * The facts about one signature and the verdict drawn from them.
 *
 * @param id                  DSS's identifier of the signature
 * @param verdict             VALID, INVALID or INDETERMINATE
 * @param reasons             why, as codes and their facts (empty for a VALID signature)
 * @param warnings            things worth knowing that did not change the verdict
 * @param signer              the signing certificate, or null when it could not be identified
 * @param signingTime         the signing time the signature claims (a claim, not a proof), or null
 * @param bestSignatureTime   the earliest time the signature is proven to have existed (the first
 *                            timestamp's time, or the validation time when there is none)
 * @param timestamps          the signature's timestamps and the document timestamps covering it
 * @param revocation          the signer certificate's revocation status and its source
 * @param format              PAdES, XAdES, or XMLDSig (an XML signature without XAdES properties)
 * @param level               the baseline level found, e.g. PAdES-BASELINE-B; XMLDSig for a plain XML signature
 * @param digestAlgorithm     e.g. SHA256
 * @param signatureAlgorithm  e.g. RSA_SHA256
 * @param coversWholeDocument whether the signature covers the whole file as it is now (for XML: the document
 *                            element, or all an enveloping signature holds, or its detached file)
 * @param modifications       for a PDF, what later revisions changed and whether each change is allowed
 * @param trustAnchor         the subject of the trusted certificate the chain ends at, or null
 * @param indication          the ETSI indication (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE)
 * @param subIndication       the ETSI sub-indication, or null
 * @param pdfField            the PDF signature field name, or null
 * @param reason              the reason the signer gave (PDF), or null
 * @param location            the location the signer gave (PDF), or null
 */
public record SignatureReport(
        String id,
        Verdict verdict,
        List<Remark> reasons,
        List<Remark> warnings,
        CertificateSummary signer,
        Instant signingTime,
        Instant bestSignatureTime,
        List<TimestampReport> timestamps,
        RevocationReport revocation,
        String format,
        String level,
        String digestAlgorithm,
        String signatureAlgorithm,
        boolean coversWholeDocument,
        List<Modification> modifications,
        String trustAnchor,
        String indication,
        String subIndication,
        String pdfField,
        String reason,
        String location) {

    public SignatureReport {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        timestamps = List.copyOf(timestamps);
        modifications = List.copyOf(modifications);
    }
}
