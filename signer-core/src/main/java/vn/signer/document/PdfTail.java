package vn.signer.document;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * A PDF ends with "%%EOF" (followed at most by blank bytes). PDFBox quietly repairs files that do not,
 * and signing a repaired view of a truncated download would seal a broken document: refuse instead.
 */
public final class PdfTail {
    private static final int TAIL_BYTES = 1024;

    private PdfTail() {
    }

    /**
     * @throws SignerException BAD_INPUT when {@code file} does not end as a PDF does; IO
     */
    public static void requireComplete(Path file) {
        byte[] tail;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            tail = new byte[(int) Math.min(TAIL_BYTES, length)];
            raf.seek(length - tail.length);
            raf.readFully(tail);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        requireEof(file.toString(), tail, 0, tail.length);
    }

    /**
     * @param name names the document in the error
     * @throws SignerException BAD_INPUT when {@code pdf} does not end as a PDF does
     */
    public static void requireComplete(String name, byte[] pdf) {
        int n = Math.min(TAIL_BYTES, pdf.length);
        requireEof(name, pdf, pdf.length - n, n);
    }

    private static void requireEof(String name, byte[] bytes, int offset, int length) {
        if (!new String(bytes, offset, length, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("pdf.truncated", name));
        }
    }
}
