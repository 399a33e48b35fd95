package vn.signer.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/** The kinds of document signer signs, told apart by their content, never by the file name. */
public enum DocumentFormat {
    PDF("PAdES"), XML("XAdES");

    private static final int SNIFF_BYTES = 1024;

    private final String signatureFormat;

    DocumentFormat(String signatureFormat) {
        this.signatureFormat = signatureFormat;
    }

    /** PAdES or XAdES. */
    public String signatureFormat() {
        return signatureFormat;
    }

    /**
     * Reads the start of {@code file} and says what it is.
     *
     * @throws SignerException INPUT_MISSING (no such file, or not a regular file: a folder, device, pipe or socket), BAD_INPUT (empty, or
     *                         neither PDF nor XML, naming what it looks like)
     */
    public static DocumentFormat detect(Path file) {
        if (!Files.exists(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("document.missing", file.toString()));
        }
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING,
                    Problem.of(Files.isDirectory(file) ? "file.folder" : "file.special", file.toString()));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        return detect(file.toString(), head);
    }

    /** Says what a document is from its first bytes (at least the first 1024 when it has them). */
    public static DocumentFormat detect(String name, byte[] head) {
        if (head.length == 0) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("document.empty", name));
        }
        String start = new String(head, 0, Math.min(head.length, SNIFF_BYTES), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.contains("%PDF-")) {
            return PDF;
        }
        if (looksLikeXml(start)) {
            return XML;
        }
        throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("document.notDocument" + lookalike(head), name));
    }

    private static boolean looksLikeXml(String start) {
        String s = start.startsWith("\u00EF\u00BB\u00BF") ? start.substring(3) : start; // UTF-8 BOM
        s = s.stripLeading();
        return s.startsWith("<?xml") || (s.startsWith("<") && s.length() > 1
                && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '!' || s.charAt(1) == '_'));
    }

    /** The suffix of the key naming what the file looks like instead, or "" when it looks like nothing known. */
    private static String lookalike(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return ".png";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return ".jpeg";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return ".zip";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return ".office";
        }
        return "";
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
