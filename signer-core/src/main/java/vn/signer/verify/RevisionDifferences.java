package vn.signer.verify;

import eu.europa.esig.dss.pades.validation.PdfSignatureDictionary;
import eu.europa.esig.dss.pdf.AnnotationBox;
import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DSS's comparison of a signed revision with the final document, minus the work that cannot find
 * anything: when the signature covers the whole file, both are the same bytes, yet DSS would still
 * render every page twice and compare the pictures, which is most of the time a verification takes.
 * Whenever the revisions differ, DSS's own finder does the full comparison (that is what catches
 * content changed after signing).
 */
final class RevisionDifferences implements PdfDifferencesFinder {
    private final DefaultPdfDifferencesFinder delegate = new DefaultPdfDifferencesFinder();

    @Override
    public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
        return delegate.getAnnotationOverlaps(reader);
    }

    @Override
    public boolean isAnnotationBoxOverlapping(AnnotationBox box, List<PdfAnnotation> annotations) {
        return delegate.isAnnotationBoxOverlapping(box, annotations);
    }

    @Override
    public List<PdfModification> getPagesDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        return delegate.getPagesDifferences(signed, last);
    }

    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        return sameRevision(signed, last) ? List.of() : delegate.getVisualDifferences(signed, last);
    }

    /**
     * The final document is the signed revision when a signature's byte range reaches the end of both:
     * the signed revision is a prefix of the final file, so equal lengths mean equal bytes. (A range that
     * only matches the final length — a decoy planted before signing — does not end the signed revision.)
     */
    private static boolean sameRevision(PdfDocumentReader signed, PdfDocumentReader last) {
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
