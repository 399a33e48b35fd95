package vn.signer.dss;

import eu.europa.esig.dss.pades.validation.PdfSignatureDictionary;
import eu.europa.esig.dss.pdf.AnnotationBox;
import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfObjectModificationsFinder;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModifications;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModificationsFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.signer.work.Cancellation;

/**
 * DSS's comparison of a signed revision with the final document, minus the work that cannot find
 * anything: when the signature covers the whole file, both are the same bytes, yet DSS would still
 * render every page twice and compare the pictures, which is most of the time a verification takes,
 * and walk both object trees side by side. Whenever the revisions differ, DSS's own finders do the
 * full comparison (that is what catches content changed after signing).
 *
 * <p>What DSS would find by drawing is asked of signer's own page comparison instead (see the constructor).
 * One instance serves one verification (DSS asks about the same pair of revisions several times
 * in a row; the answer is kept for the last pair), so it is not shared between threads.
 */
public final class RevisionDifferences implements PdfDifferencesFinder, PdfObjectModificationsFinder {
    private final DefaultPdfDifferencesFinder delegate = new DefaultPdfDifferencesFinder();
    private final DefaultPdfObjectModificationsFinder objectsDelegate = new DefaultPdfObjectModificationsFinder();
    private final BiFunction<PDDocument, PDDocument, List<Integer>> changedPages;
    private PdfDocumentReader lastSigned;
    private PdfDocumentReader lastFinal;
    private boolean lastSame;

    /**
     * @param changedPages the pages (from 1) whose own content differs between a signed revision and the
     *                     final document, both PDFBox documents; asked only when the two differ
     */
    public RevisionDifferences(BiFunction<PDDocument, PDDocument, List<Integer>> changedPages) {
        this.changedPages = changedPages;
    }

    @Override
    public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
        // DSS's comparisons are where a verification spends its time: each is a point to stop at.
        Cancellation.check();
        return delegate.getAnnotationOverlaps(reader);
    }

    @Override
    public boolean isAnnotationBoxOverlapping(AnnotationBox box, List<PdfAnnotation> annotations) {
        return delegate.isAnnotationBoxOverlapping(box, annotations);
    }

    @Override
    public List<PdfModification> getPagesDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        Cancellation.check();
        return delegate.getPagesDifferences(signed, last);
    }

    /**
     * Pages whose own content differs between the revisions, as {@code changedPages} judges them. DSS's
     * own comparison draws annotations too, so a field filled or a signature added into a prepared field
     * reads as changed content; signer judges annotations apart. Every page is compared, not only DSS's
     * first ten.
     */
    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        if (sameRevision(signed, last)) {
            return List.of();
        }
        if (!(signed instanceof PdfBoxDocumentReader a) || !(last instanceof PdfBoxDocumentReader b)) {
            return delegate.getVisualDifferences(signed, last);
        }
        return changedPages.apply(a.getPDDocument(), b.getPDDocument()).stream().<PdfModification>map(ChangedPage::new).toList();
    }

    /** A page whose content differs, as DSS records it. */
    private record ChangedPage(int page) implements PdfModification {
        private static final long serialVersionUID = 1L;

        @Override
        public int getPage() {
            return page;
        }
    }

    @Override
    public PdfObjectModifications find(PdfDocumentReader signed, PdfDocumentReader last) {
        Cancellation.check();
        return sameRevision(signed, last) ? new PdfObjectModifications() : objectsDelegate.find(signed, last);
    }

    private boolean sameRevision(PdfDocumentReader signed, PdfDocumentReader last) {
        if (signed != lastSigned || last != lastFinal) {
            lastSame = coversFinal(signed, last);
            lastSigned = signed;
            lastFinal = last;
        }
        return lastSame;
    }

    /**
     * The final document is the signed revision when a signature's byte range reaches the end of both:
     * the signed revision is a prefix of the final file, so equal lengths mean equal bytes. (A range that
     * only matches the final length — a decoy planted before signing — does not end the signed revision.)
     */
    private static boolean coversFinal(PdfDocumentReader signed, PdfDocumentReader last) {
        try {
            Set<String> signedRanges = signed.extractSigDictionaries().keySet().stream()
                    .filter(signed::isSignatureCoversWholeDocument)
                    .map(RevisionDifferences::range).collect(Collectors.toSet());
            return last.extractSigDictionaries().keySet().stream()
                    .anyMatch(d -> last.isSignatureCoversWholeDocument(d) && signedRanges.contains(range(d)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signatures of a PDF revision", e);
        }
    }

    private static String range(PdfSignatureDictionary dictionary) {
        return dictionary.getByteRange().toBigIntegerList().toString();
    }
}
