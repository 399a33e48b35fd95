package vn.signer.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a valid one-page PDF of any size, streaming (the bulk is an unused image-like stream of
 * pseudo-random bytes), so that tests and benchmarks can sign hundreds of megabytes without holding
 * them in memory to make them.
 */
public final class LargePdf {
    private LargePdf() {
    }

    public static Path write(Path file, long approximateBytes) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (CountingOutput out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n");
            byte[] text = "BT /F1 24 Tf 72 760 Td (Large test document) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
            offsets.add(out.count);
            out.ascii("4 0 obj\n<< /Length " + text.length + " >>\nstream\n");
            out.write(text);
            out.ascii("\nendstream\nendobj\n");
            long bulk = Math.max(0, approximateBytes - out.count - 1024);
            offsets.add(out.count);
            out.ascii("5 0 obj\n<< /Length " + bulk + " >>\nstream\n");
            byte[] block = new byte[1 << 16];
            new Random(42).nextBytes(block);
            for (long left = bulk; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.ascii("\nendstream\nendobj\n");
            long xref = out.count;
            out.ascii("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                out.ascii(String.format("%010d 00000 n \n", offset));
            }
            out.ascii("trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
        return file;
    }

    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
