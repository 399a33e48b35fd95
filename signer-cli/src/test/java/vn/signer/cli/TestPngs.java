package vn.signer.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** PNG files of any pixel size written chunk by chunk, so that a test never holds the pixels in memory. */
final class TestPngs {
    private TestPngs() {
    }

    /** Only the signature, IHDR (RGBA, 8 bits) and IEND: what a reader sees before it decodes anything. */
    static Path header(Path file, long width, long height) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            start(out, width, height);
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    /** A fully transparent image, its rows deflated as they are made: a 25-megapixel one is about 100 KB. */
    static Path transparent(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (OutputStream deflate = new DeflaterOutputStream(pixels)) {
            byte[] row = new byte[1 + 4 * width]; // filter type 0, then RGBA zeros
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            start(out, width, height);
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void start(DataOutputStream out, long width, long height) throws IOException {
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(ihdr);
        data.writeInt((int) width);
        data.writeInt((int) height);
        data.write(new byte[] {8, 6, 0, 0, 0}); // 8 bits, RGBA, deflate, no filter choice, not interlaced
        chunk(out, "IHDR", ihdr.toByteArray());
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
