package vn.signer.verify;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.signer.report.Remark;

/**
 * What signer itself reads from a PDF's structure, beside DSS: its signature fields (broken ones
 * included) and what each stretch of revisions between two signed or timestamped revisions changed.
 * The stretches end where DSS found a signature or a document timestamp, never where a field merely
 * claims one: a decoy's byte range must not make a revision look signed. One instance per document.
 *
 * @param fields     every signature field holding a value, in no particular order
 * @param stretches  from each signed or timestamped revision to the next, or to the end of the file
 * @param unreadable why the structure could not be read, or null
 */
record PdfFacts(List<PdfSignatureFields.Field> fields, List<Stretch> stretches, Remark unreadable) {

    /**
     * A revision end found by DSS.
     *
     * @param end         the end of the revision, in bytes
     * @param signatureId the DSS id of the signature ending there, or null for a document timestamp
     */
    record Boundary(long end, String signatureId) {
    }

    /**
     * The revisions from {@code from} to {@code to} (byte offsets).
     *
     * @param closedBy  the DSS id of the signature whose revision ends at {@code to}, or null when a
     *                  document timestamp (which proves when, not who) or the end of the file ends it
     * @param changes   what they changed in what is shown, judged as if no signature covered them
     * @param unchecked why they could not be compared, or null
     */
    record Stretch(long from, long to, String closedBy, List<UnsignedChanges.Change> changes, Remark unchecked) {
    }

    PdfFacts {
        fields = List.copyOf(fields);
        stretches = List.copyOf(stretches);
    }

    /** Reads the structure of {@code document}, {@code length} bytes long, whose signed revisions DSS found at {@code boundaries}. */
    static PdfFacts of(DSSDocument document, long length, List<Boundary> boundaries) {
        // The whole file is read by PDFBox directly (a prefix view costs a seek per byte the parser reads).
        try (RandomAccessRead file = open(document); PDDocument last = Loader.loadPDF(open(document))) {
            List<PdfSignatureFields.Field> fields = PdfSignatureFields.read(last, file, length);
            return new PdfFacts(fields, stretches(boundaries, file, last, length), null);
        } catch (FormFields.TooComplex e) {
            return new PdfFacts(List.of(), List.of(), Remark.of("pdf.structure.unreadable", e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // PDFBox reports a hostile or damaged structure by IOException and by unchecked exceptions alike;
            // either way it could not be read, which the report says instead of trusting it.
            return new PdfFacts(List.of(), List.of(), Remark.of("pdf.structure.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** The stretches after the revision ending at {@code end}, in file order. */
    List<Stretch> after(long end) {
        return stretches.stream().filter(r -> r.from() >= end).toList();
    }

    private static List<Stretch> stretches(List<Boundary> boundaries, RandomAccessRead file, PDDocument last, long length) {
        // One boundary per end: a signature ending there wins over a timestamp (it says who).
        TreeMap<Long, String> ends = new TreeMap<>();
        for (Boundary b : boundaries) {
            if (b.end() > 0 && b.end() <= length) {
                ends.merge(b.end(), b.signatureId() == null ? "" : b.signatureId(), (x, y) -> x.isEmpty() ? y : x);
            }
        }
        List<Stretch> stretches = new ArrayList<>();
        List<Long> points = new ArrayList<>(ends.keySet());
        for (int i = 0; i < points.size(); i++) {
            long from = points.get(i);
            long to = i + 1 < points.size() ? points.get(i + 1) : length;
            if (to > from) {
                String closedBy = i + 1 < points.size() && !ends.get(to).isEmpty() ? ends.get(to) : null;
                stretches.add(compare(file, from, to, closedBy, to == length ? last : null));
            }
        }
        return stretches;
    }

    private static Stretch compare(RandomAccessRead file, long from, long to, String closedBy, PDDocument whole) {
        try (PDDocument before = Loader.loadPDF(new PdfPrefix(file, from));
             PDDocument after = whole != null ? null : Loader.loadPDF(new PdfPrefix(file, to))) {
            return new Stretch(from, to, closedBy, UnsignedChanges.between(before, whole != null ? whole : after), null);
        } catch (CosComparison.Exhausted | FormFields.TooComplex e) {
            return new Stretch(from, to, closedBy, List.of(), Remark.of("pdf.unsigned.tooComplex"));
        } catch (IOException | RuntimeException e) {
            // As above: a revision PDFBox cannot read cannot be shown to leave the signed content as it was.
            return new Stretch(from, to, closedBy, List.of(), Remark.of("pdf.unsigned.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private static RandomAccessRead open(DSSDocument document) throws IOException {
        if (document instanceof FileDocument file) {
            return new RandomAccessReadBufferedFile(file.getFile());
        }
        if (document instanceof InMemoryDocument memory) {
            return new RandomAccessReadBuffer(memory.getBytes());
        }
        try (var in = document.openStream()) {
            return new RandomAccessReadBuffer(in);
        }
    }
}
