package vn.signer.verify;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What signer itself reads from a PDF's structure, beside DSS: its signature fields (broken ones
 * included) and, for every revision no signature covers, what that revision changed. One instance
 * per verified document.
 *
 * @param fields     every signature field holding a value, in no particular order
 * @param unsigned   each revision range that ends without a signature, with its changes
 * @param unreadable why the structure could not be read, or null
 */
record PdfFacts(List<PdfSignatureFields.Field> fields, List<UnsignedRange> unsigned, Remark unreadable) {

    /**
     * Revisions from {@code from} to {@code to} (byte offsets) that no signature covers.
     *
     * @param changes   what they changed in what is shown
     * @param unchecked why they could not be compared, or null
     */
    record UnsignedRange(long from, long to, List<UnsignedChanges.Change> changes, Remark unchecked) {
    }

    PdfFacts {
        fields = List.copyOf(fields);
        unsigned = List.copyOf(unsigned);
    }

    /** Reads the structure of {@code document}, {@code length} bytes long. */
    static PdfFacts of(DSSDocument document, long length) {
        try (RandomAccessRead file = open(document); PDDocument last = Loader.loadPDF(new PdfPrefix(file, length))) {
            List<PdfSignatureFields.Field> fields = PdfSignatureFields.read(last, file, length);
            return new PdfFacts(fields, unsignedRanges(fields, file, last, length), null);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports a hostile or damaged structure by IOException and by unchecked exceptions alike;
            // either way it could not be read, which the report says instead of trusting it.
            return new PdfFacts(List.of(), List.of(), Remark.of("pdf.structure.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** The field named {@code name}, if it holds a value. */
    Optional<PdfSignatureFields.Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The unsigned ranges after the revision ending at {@code end}: what no later signature vouches for. */
    List<UnsignedRange> after(long end) {
        return unsigned.stream().filter(r -> r.from() >= end).toList();
    }

    /**
     * Each stretch from the end of a signed or timestamped revision to the next signature's revision
     * or the end of the file that does not end with a signature: it ends at a document timestamp (which
     * proves when, not who) or at the end of the file.
     */
    private static List<UnsignedRange> unsignedRanges(List<PdfSignatureFields.Field> fields, RandomAccessRead file,
                                                      PDDocument last, long length) {
        List<PdfSignatureFields.Field> ends = fields.stream().filter(f -> f.revisionEnd() > 0 && f.problem() == null)
                .sorted(Comparator.comparingLong(PdfSignatureFields.Field::revisionEnd)).toList();
        List<UnsignedRange> ranges = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            long from = ends.get(i).revisionEnd();
            PdfSignatureFields.Field next = i + 1 < ends.size() ? ends.get(i + 1) : null;
            if (next != null && (next.revisionEnd() == from || next.kind() == PdfSignatureFields.Kind.SIGNATURE)) {
                continue;
            }
            long to = next == null ? length : next.revisionEnd();
            if (to > from) {
                ranges.add(compare(file, from, to, to == length ? last : null));
            }
        }
        return ranges;
    }

    private static UnsignedRange compare(RandomAccessRead file, long from, long to, PDDocument whole) {
        try (PDDocument before = Loader.loadPDF(new PdfPrefix(file, from));
             PDDocument after = whole != null ? null : Loader.loadPDF(new PdfPrefix(file, to))) {
            return new UnsignedRange(from, to, UnsignedChanges.between(before, whole != null ? whole : after), null);
        } catch (CosComparison.Exhausted e) {
            return new UnsignedRange(from, to, List.of(), Remark.of("pdf.unsigned.tooComplex"));
        } catch (IOException | RuntimeException e) {
            // As above: a revision PDFBox cannot read cannot be shown to leave the signed content as it was.
            return new UnsignedRange(from, to, List.of(), Remark.of("pdf.unsigned.unreadable", String.valueOf(e.getMessage())));
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
