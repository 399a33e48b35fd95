package vn.signer.verify;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The first {@code length} bytes of a PDF file as PDFBox reads a whole file: an earlier revision of
 * the document, read in place without a copy. PDFBox's own views cannot be parsed (a document's
 * streams are views, and a view has none), so this one hands out views of the file beneath.
 * Closing it leaves the file open for the next revision.
 */
final class PdfPrefix implements RandomAccessRead {
    private final RandomAccessRead file;
    private final long length;
    private long position;
    private boolean closed;

    PdfPrefix(RandomAccessRead file, long length) {
        this.file = file;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        if (position >= length) {
            return -1;
        }
        file.seek(position);
        int b = file.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= length) {
            return -1;
        }
        file.seek(position);
        int n = file.read(b, off, (int) Math.min(len, length - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long getPosition() {
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IOException("negative position " + newPosition);
        }
        position = Math.min(newPosition, length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() {
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long start, long viewLength) throws IOException {
        if (start < 0 || viewLength < 0 || start + viewLength > length) {
            throw new IOException("a stream reaches past the end of this revision");
        }
        return file.createView(start, viewLength);
    }

    @Override
    public void close() {
        closed = true;
    }
}
