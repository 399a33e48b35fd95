package vn.signer.appearance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * A PNG image read whole, with its pixel size from the header. Only PNG: Decree 30 asks for
 * transparent backgrounds, which JPEG cannot have.
 *
 * @param file   where it was read from, for messages
 * @param bytes  the file's bytes
 * @param width  pixels
 * @param height pixels
 */
public record PngImage(Path file, byte[] bytes, int width, int height) {
    /**
     * The most pixels an appearance image may have: 25 megapixels, a 5000 × 5000 scan, is already far
     * more than a seal needs at print resolution, and decoding it takes 100 MB of heap.
     */
    public static final long MAX_PIXELS = 25_000_000;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int HEADER_BYTES = 24;
    private static final byte[] IHDR = {'I', 'H', 'D', 'R'};

    public PngImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Width divided by height. */
    public float aspect() {
        return (float) width / height;
    }

    /**
     * @throws SignerException INPUT_MISSING, IO, BAD_INPUT (not a PNG, no pixels, or more than {@link #MAX_PIXELS})
     */
    public static PngImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("image.missing", file.toString()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        // The IHDR chunk always comes first: signature (8), length (4), "IHDR" (4), width (4), height (4).
        if (bytes.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(bytes, 8), SIGNATURE)
                || !Arrays.equals(Arrays.copyOfRange(bytes, 12, 16), IHDR)) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("image.notPng", file.toString()));
        }
        // PNG sizes are unsigned 32-bit numbers; the pixel count is checked before anything decodes the image.
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt());
        long height = Integer.toUnsignedLong(header.getInt());
        if (width == 0 || height == 0) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("image.empty", file.toString()));
        }
        if (width * height > MAX_PIXELS) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("image.tooLarge", file.toString(), width, height,
                    megapixels(width * height), megapixels(MAX_PIXELS)));
        }
        return new PngImage(file, bytes, (int) width, (int) height);
    }

    /** Megapixels with one decimal, as people count image sizes. */
    private static double megapixels(long pixels) {
        return Math.round(pixels / 1e5) / 10.0;
    }

    @Override
    public String toString() {
        return "PngImage[" + file + ", " + width + "x" + height + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PngImage other && Arrays.equals(bytes, other.bytes) && file.equals(other.file);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
