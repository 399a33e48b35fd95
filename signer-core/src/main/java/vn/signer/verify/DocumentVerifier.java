package vn.signer.verify;

import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.dss.DssDocuments;
import vn.signer.dss.RevisionDifferences;
import vn.signer.dss.ServiceLookups;
import vn.signer.document.DocumentFormat;
import vn.signer.document.SafeXml;
import vn.signer.largexml.LargeXml;
import vn.signer.largexml.PrecomputedDigest;
import vn.signer.verify.xml.XmlFinding;
import vn.signer.verify.xml.XmlInspection;
import vn.signer.dss.DefaultPolicy;
import vn.signer.dss.CertificateVerifiers;
import vn.signer.work.Cancellation;

/**
 * Verifies every signature in a PDF or XML document against configured trust anchors (no EU trusted
 * lists) and reports facts and verdicts. Create once, use for many documents; safe for several threads.
 */
public final class DocumentVerifier {
    private final VerificationSettings settings;
    private final CommonCertificateVerifier certificateVerifier;
    /** Parsing DSS's policy file takes longer than validating a small document: parse it once. */
    private final ValidationPolicy policy = DefaultPolicy.create();

    private DocumentVerifier(VerificationSettings settings, CommonCertificateVerifier certificateVerifier) {
        this.settings = settings;
        this.certificateVerifier = certificateVerifier;
    }

    /**
     * @throws SignerException INPUT_MISSING or BAD_INPUT for unusable CRL files
     */
    public static DocumentVerifier create(VerificationSettings settings) {
        return new DocumentVerifier(settings, CertificateVerifiers.create(settings));
    }

    /**
     * Verifies {@code file}. The report's reasons and warnings are codes with their facts, the same in
     * every language; {@link vn.signer.report.Words} puts them into words.
     *
     * @throws SignerException INPUT_MISSING, BAD_INPUT (not PDF/XML, unsafe XML), VERIFICATION_FAILED
     */
    public VerificationReport verify(Path file) {
        return verify(file, List.of());
    }

    /**
     * Verifies {@code file}, a detached XML signature's content being among {@code detached} (besides
     * the settings' detached contents): each signature's reference is matched to a content by name.
     *
     * @throws SignerException INPUT_MISSING, BAD_INPUT (not PDF/XML, unsafe XML), VERIFICATION_FAILED
     */
    public VerificationReport verify(Path file, List<DetachedContent> detached) {
        DocumentFormat format = DocumentFormat.detect(file);
        if (format == DocumentFormat.XML && LargeXml.isLarge(file)) {
            return verifyLarge(file);
        }
        List<XmlFinding> findings = format == DocumentFormat.XML ? inspect(SafeXml.parse(file)) : null;
        return verify(file.toString(), format, findings, () -> DssDocuments.read(file), length(file), null, detached);
    }

    /**
     * Verifies an XML file too large for a tree in this heap (or any XML file, in tests): DSS validates a
     * stand-in holding the root and the signature, with the whole document's digest streamed.
     */
    VerificationReport verifyLarge(Path file) {
        long length = length(file);
        LargeXmlVerification.Reading reading = LargeXmlVerification.read(file, length);
        return verify(file.toString(), DocumentFormat.XML, reading.findings(),
                () -> new InMemoryDocument(reading.standIn(), file.getFileName().toString()), length, reading.digest(),
                List.of());
    }

    /**
     * Verifies a document received in memory (over a network, say), named {@code name} in the report
     * and in errors.
     *
     * @throws SignerException BAD_INPUT (not PDF/XML, unsafe XML), VERIFICATION_FAILED
     */
    public VerificationReport verify(String name, byte[] document) {
        return verify(name, document, List.of());
    }

    /**
     * Verifies a document received in memory, a detached XML signature's content being among
     * {@code detached} (see {@link #verify(Path, List)}).
     *
     * @throws SignerException INPUT_MISSING, BAD_INPUT (not PDF/XML, unsafe XML), VERIFICATION_FAILED
     */
    public VerificationReport verify(String name, byte[] document, List<DetachedContent> detached) {
        DocumentFormat format = DocumentFormat.detect(name, document);
        List<XmlFinding> findings = format == DocumentFormat.XML ? inspect(SafeXml.parse(name, document)) : null;
        return verify(name, format, findings, () -> DssDocuments.of(name, document), document.length, null, detached);
    }

    /**
     * What signer reads of an XML document's signatures itself. Nothing keeps the tree once this
     * returns, so that it is garbage before DSS parses the document into a tree of its own: at the
     * peak of a verification, one tree of a large document, not two.
     */
    private static List<XmlFinding> inspect(Document xml) {
        Cancellation.check();
        return XmlInspection.inspect(xml);
    }

    /**
     * @param findings    what {@link #inspect} found when the document is XML, else null
     * @param wholeDigest the streamed digest of a large XML's whole-document reference, else null
     * @param given       the detached contents given for this verification
     */
    private VerificationReport verify(String name, DocumentFormat format, List<XmlFinding> findings, Supplier<DSSDocument> read,
                                      long length, byte[] wholeDigest, List<DetachedContent> given) {
        List<DSSDocument> detached = detachedContents(given);
        Instant now = settings.validationTime() != null ? settings.validationTime() : Instant.now();
        Cancellation.check();
        if (findings != null && XmlVerification.refuses(findings)) {
            // An HMAC, an XSLT transform or a malformed signature: DSS would run it or fail on it.
            List<SignatureReport> refused = XmlVerification.refused(findings);
            return new VerificationReport(name, format.name(), VerificationReport.of(refused), refused, now);
        }
        Cancellation.check();
        DSSDocument document = read.get();
        PageChanges pages = new PageChanges();
        RevisionDifferences differences = new RevisionDifferences(pages::differing);
        Reports reports;
        try {
            reports = ServiceLookups.run(() -> wholeDigest == null ? validate(document, differences, now, detached)
                    : PrecomputedDigest.during(wholeDigest, () -> validate(document, differences, now, detached)));
        } catch (SignerException | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            // DSS may have met the interruption as a failure of its own (a file channel closed by it).
            Cancellation.check();
            List<SignatureReport> unprocessable = findings != null ? XmlVerification.unprocessable(findings, DssReasons.detail(e))
                    : SignatureFacts.unprocessablePdf(PdfFacts.of(document, length, List.of()), DssReasons.detail(e));
            if (!unprocessable.isEmpty()) {
                // Signatures are there and DSS fails on them (a crafted field can make it throw): each gets a
                // verdict, never the whole document an error.
                return new VerificationReport(name, format.name(), VerificationReport.of(unprocessable), unprocessable, now);
            }
            throw new SignerException(ErrorCode.VERIFICATION_FAILED, Problem.of("verify.failed", name, format.name(),
                    DssReasons.detail(e)), e);
        }
        Cancellation.check();
        if (findings != null) {
            List<SignatureReport> signatures = XmlVerification.reports(findings, reports, length, !detached.isEmpty());
            return new VerificationReport(name, format.name(), VerificationReport.of(signatures), signatures, now);
        }
        List<SignatureWrapper> found = reports.getDiagnosticData().getSignatures();
        PdfFacts pdf = PdfFacts.of(document, length, boundaries(reports));
        SignatureFacts facts = new SignatureFacts(reports, format, length, pdf, pages.uncomparedPages());
        // The last revision's signature first: an earlier one's verdict depends on the later ones'.
        Map<String, SignatureReport> byId = new HashMap<>();
        found.stream().sorted(Comparator.comparingLong(SignatureFacts::revisionEnd).reversed())
                .forEach(s -> byId.put(s.getId(), facts.report(s)));
        List<SignatureReport> signatures = new ArrayList<>(found.stream().map(s -> byId.get(s.getId())).toList());
        signatures.addAll(facts.brokenPdfSignatures());
        if (signatures.isEmpty()) {
            signatures.addAll(SignatureFacts.unreadablePdf(pdf));
        }
        return new VerificationReport(name, format.name(), VerificationReport.of(signatures), signatures, now);
    }

    /** Where DSS found signed and timestamped revisions to end: only those divide a PDF's history. */
    private static List<PdfFacts.Boundary> boundaries(Reports reports) {
        List<PdfFacts.Boundary> boundaries = new ArrayList<>();
        reports.getDiagnosticData().getSignatures().forEach(s -> boundaries.add(
                new PdfFacts.Boundary(SignatureFacts.revisionEnd(s), s.getId())));
        reports.getDiagnosticData().getTimestampList().stream().filter(t -> t.getPDFRevision() != null).forEach(t ->
                boundaries.add(new PdfFacts.Boundary(SignatureFacts.rangeEnd(t.getPDFRevision().getSignatureByteRange()), null)));
        return boundaries;
    }

    private Reports validate(DSSDocument document, RevisionDifferences differences, Instant now, List<DSSDocument> detached) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(document);
        validator.setCertificateVerifier(certificateVerifier);
        validator.setValidationTime(java.util.Date.from(now));
        validator.setDetachedContents(detached);
        validator.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        // The ETSI validation report is a third rendering of the same result; nothing here reads it.
        validator.setEnableEtsiValidationReport(false);
        if (validator instanceof PDFDocumentValidator pdf) {
            PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
            factory.setPdfDifferencesFinder(differences);
            factory.setPdfObjectModificationsFinder(differences);
            pdf.setPdfObjFactory(factory);
        }
        return validator.validateDocument(policy);
    }

    private List<DSSDocument> detachedContents(List<DetachedContent> given) {
        List<DetachedContent> all = new ArrayList<>(settings.detachedContents().stream().map(DetachedContent::of).toList());
        all.addAll(given);
        return all.stream().<DSSDocument>map(content -> {
            if (!Files.isRegularFile(content.file())) {
                throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("verify.noContentFile", content.file()));
            }
            FileDocument document = new FileDocument(content.file().toFile());
            document.setName(content.name());
            return document;
        }).toList();
    }

    private static long length(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("verify.unreadable", file, e.getMessage()), e);
        }
    }
}
