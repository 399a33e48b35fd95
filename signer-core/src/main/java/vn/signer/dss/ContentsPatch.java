package vn.signer.dss;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.files.AtomicOutput;

/**
 * The prepared PDF (its /Contents still zeros) with the CMS signature put in at the offset given by the
 * document's last /ByteRange. DSS's own final step copies the whole file one byte at a time to do the
 * same, which dominates the signing time of large documents. When DSS prepared the document in a file
 * staged beside the output, the signature is written into that file, which is then renamed into
 * place; otherwise the prepared document is copied out in large blocks with the signature put in as it
 * streams by.
 *
 * <p>Relies on DSS preparing the document with the signature's /ByteRange last and its /Contents a
 * placeholder of hex zeros, and on the CMS DSS would embed being what {@link OpenPadesService#cms}
 * gives; {@code SignShortcutsGuardTest} fails if a DSS upgrade changes either. Internal to signer.
 */
public final class ContentsPatch implements AtomicOutput.Content {
    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*]");
    private static final byte[] BYTE_RANGE_KEY = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 256 * 1024;

    private final DSSDocument prepared;
    private final long offset;
    private final byte[] hex;
    private final AtomicOutput.Staged staged;

    private ContentsPatch(DSSDocument prepared, long offset, byte[] hex, AtomicOutput.Staged staged) {
        this.prepared = prepared;
        this.offset = offset;
        this.hex = hex;
        this.staged = staged;
    }

    /**
     * @param prepared the document DSS prepared for signing, with a zero-filled /Contents
     * @param cms      the CMS signature
     * @param staged   the staged file {@code prepared} was written to, or null when it is elsewhere
     * @return the patch, or null when the placeholder cannot be located for certain (the caller then
     *         lets DSS finish the document its own way)
     */
    public static ContentsPatch of(DSSDocument prepared, byte[] cms, AtomicOutput.Staged staged) {
        long[] range = lastByteRange(prepared);
        // Only a byte range that starts the file and ends it is the one just prepared.
        if (range == null || range[0] != 0 || range[2] + range[3] != length(prepared) || range[2] <= range[1] + 1) {
            return null;
        }
        long start = range[1] + 1; // just after '<'
        long capacity = range[2] - range[1] - 2; // between '<' and '>'
        byte[] hex = HexFormat.of().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > capacity) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("dss.contentsTooSmall", cms.length, capacity / 2));
        }
        return new ContentsPatch(prepared, start, hex, staged);
    }

    /**
     * Writes the signed document to {@code target} atomically: by renaming the staged file into place
     * when it was staged for {@code target}, else through a temporary file.
     *
     * @throws SignerException OUTPUT_EXISTS, IO
     */
    public void save(Path target, boolean overwrite) {
        if (staged == null || !staged.target().equals(target.toAbsolutePath())) {
            AtomicOutput.write(target, overwrite, this);
            return;
        }
        staged.commit(overwrite, this::writeInto);
    }

    private void writeInto(FileChannel channel) throws IOException {
        ByteBuffer placeholder = ByteBuffer.allocate(1 + hex.length);
        while (placeholder.hasRemaining()) {
            if (channel.read(placeholder, offset - 1 + placeholder.position()) < 0) {
                throw new IOException("the prepared PDF ended inside its signature placeholder");
            }
        }
        requireEmpty(placeholder.array()[0], Arrays.copyOfRange(placeholder.array(), 1, placeholder.capacity()));
        ByteBuffer signature = ByteBuffer.wrap(hex);
        while (signature.hasRemaining()) {
            channel.write(signature, offset + signature.position());
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = prepared.openStream()) {
            copy(in, out, offset - 1);
            requireEmpty((byte) in.read(), in.readNBytes(hex.length));
            out.write('<');
            out.write(hex);
            in.transferTo(out);
        }
    }

    /** What the signature replaces must be the zeros of the placeholder, just after its '<', nothing else. */
    private void requireEmpty(byte opening, byte[] placeholder) throws IOException {
        if (opening != '<') {
            throw new IOException("the prepared PDF has no '<' where its signature goes");
        }
        if (placeholder.length != hex.length) {
            throw new IOException("the prepared PDF ended inside its signature placeholder");
        }
        for (byte b : placeholder) {
            if (b != '0') {
                throw new IOException("the prepared PDF's signature placeholder is not empty");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the prepared PDF ended before its signature placeholder");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The numbers of the last /ByteRange in the document's tail, or null when it does not read as one. */
    private static long[] lastByteRange(DSSDocument prepared) {
        byte[] tail = tail(prepared);
        int at = lastIndexOf(tail, BYTE_RANGE_KEY);
        if (at < 0) {
            return null;
        }
        // Four numbers of at most 20 digits each, with the spaces between: a short window is enough.
        String window = new String(tail, at, Math.min(160, tail.length - at), StandardCharsets.ISO_8859_1);
        Matcher m = BYTE_RANGE.matcher(window);
        if (!m.lookingAt()) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private static int lastIndexOf(byte[] data, byte[] key) {
        for (int i = data.length - key.length; i >= 0; i--) {
            int j = 0;
            while (j < key.length && data[i + j] == key[j]) {
                j++;
            }
            if (j == key.length) {
                return i;
            }
        }
        return -1;
    }

    private static long length(DSSDocument document) {
        if (document instanceof FileDocument file) {
            return file.getFile().length();
        }
        if (document instanceof InMemoryDocument memory) {
            return memory.getBytes().length;
        }
        try (InputStream in = document.openStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the prepared PDF", e);
        }
    }

    private static byte[] tail(DSSDocument document) {
        try {
            if (document instanceof FileDocument file) {
                try (RandomAccessFile raf = new RandomAccessFile(file.getFile(), "r")) {
                    int n = (int) Math.min(TAIL, raf.length());
                    byte[] bytes = new byte[n];
                    raf.seek(raf.length() - n);
                    raf.readFully(bytes);
                    return bytes;
                }
            }
            byte[] all;
            if (document instanceof InMemoryDocument memory) {
                all = memory.getBytes();
            } else {
                try (InputStream in = document.openStream()) {
                    all = in.readAllBytes();
                }
            }
            int n = Math.min(TAIL, all.length);
            byte[] bytes = new byte[n];
            System.arraycopy(all, all.length - n, bytes, 0, n);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the prepared PDF", e);
        }
    }
}
