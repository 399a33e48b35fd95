package vn.signer.document;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * A PDF ends with "%%EOF" (followed at most by blank bytes). PDFBox quietly repairs files that do not,
 * and signing a repaired view of a truncated download would seal a broken document: refuse instead.
 */
public final class PdfTail {
    private static final int TAIL_BYTES = 1024;

    private PdfTail() {
    }

    public static void requireComplete(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new SignerException(ErrorCode.BAD_INPUT,
                        file + ": the PDF is truncated or damaged (it does not end with %%EOF)",
                        "get a complete copy of the document (the download or copy was cut short)");
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot read: " + e.getMessage(), null, e);
        }
    }
}
