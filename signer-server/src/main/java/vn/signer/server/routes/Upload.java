package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;

/**
 * A request's document, with its SHA-256 (computed as it arrives) and its size checked. A document up
 * to {@link #IN_MEMORY_LIMIT} is kept in memory and never touches the disk; a larger one is streamed
 * to a temporary file, so that receiving a 100 MB body does not take 100 MB of memory (signing and
 * verifying it then read it as they read any file). Accepts a raw body (application/pdf or XML) or a
 * multipart form with a part named {@code document}. Closing deletes the file.
 */
public final class Upload implements AutoCloseable {
    /** Request attribute holding the document's SHA-256 once read, for the audit log. */
    static final String SHA256_ATTRIBUTE = "signer.documentSha256";
    /** Documents up to this size (4 MiB) are kept in memory. */
    public static final int IN_MEMORY_LIMIT = 4 * 1024 * 1024;
    /** The longest name of a document kept from what a client sends. */
    private static final int NAME_LIMIT = 200;

    private final String name;
    private final String sha256;
    private final DocumentFormat format;
    private final byte[] content;
    private final Path file;

    private Upload(String name, String sha256, DocumentFormat format, byte[] content, Path file) {
        this.name = name;
        this.sha256 = sha256;
        this.format = format;
        this.content = content;
        this.file = file;
    }

    /** The name the caller gave (multipart file name), or "document". */
    String name() {
        return name;
    }

    /** The document's SHA-256, lower-case hex. */
    String sha256() {
        return sha256;
    }

    /** PDF or XML, from the content. */
    DocumentFormat format() {
        return format;
    }

    /** Whether the document is held in memory ({@link #content()}) rather than in a file ({@link #file()}). */
    boolean inMemory() {
        return content != null;
    }

    /** The document, when {@link #inMemory()}. */
    byte[] content() {
        if (content == null) {
            throw new IllegalStateException("the document is in " + file + ", not in memory");
        }
        return content;
    }

    /** The temporary file holding the document, when not {@link #inMemory()}. */
    Path file() {
        if (file == null) {
            throw new IllegalStateException("the document is in memory, not in a file");
        }
        return file;
    }

    /**
     * Receives the document of {@code ctx}.
     *
     * @throws HttpError 413 too large, 415 unsupported type, 400 no document or a body cut short
     * @throws SignerException BAD_INPUT when the content is neither PDF nor XML
     */
    static Upload receive(Context ctx, long maxBytes, Path tempDir) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        DocumentFormat declaredFormat;
        InputStream body;
        String name = "document";
        if (mediaType.equals("multipart/form-data")) {
            UploadedFile part = multipartDocument(ctx, maxBytes);
            body = part.content();
            declaredFormat = null;
            name = clientName(part.filename(), name);
        } else {
            declaredFormat = formatOf(mediaType);
            body = ctx.req().getInputStream();
        }
        try (body) {
            MessageDigest sha256 = newSha256();
            byte[] head = readOrBadRequest(() -> body.readNBytes((int) Math.min(IN_MEMORY_LIMIT, maxBytes) + 1));
            if (head.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            sha256.update(head);
            if (head.length <= IN_MEMORY_LIMIT) {
                String hex = digested(ctx, sha256);
                return new Upload(name, hex, format(name, head, declaredFormat, mediaType), head, null);
            }
            Path file = Files.createTempFile(tempDir, "signer-upload-", ".bin");
            try {
                try (OutputStream raw = Files.newOutputStream(file); OutputStream rest = new DigestOutputStream(raw, sha256)) {
                    raw.write(head); // already digested
                    copy(body, rest, maxBytes - head.length, maxBytes);
                }
                String hex = digested(ctx, sha256);
                DocumentFormat format = format(name, head, declaredFormat, mediaType);
                // Core tells formats apart by content; the extension only keeps temp files readable.
                Path named = Files.move(file, file.resolveSibling(file.getFileName().toString()
                        .replace(".bin", format == DocumentFormat.PDF ? ".pdf" : ".xml")));
                return new Upload(name, hex, format, null, named);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }

    /** The document's SHA-256 as hex, kept in the request for the audit log (refusals are audited too). */
    private static String digested(Context ctx, MessageDigest sha256) {
        String hex = HexFormat.of().formatHex(sha256.digest());
        ctx.attribute(SHA256_ATTRIBUTE, hex);
        return hex;
    }

    /** What the document is, by its first bytes, which must agree with the type the caller declared. */
    private static DocumentFormat format(String name, byte[] head, DocumentFormat declared, String mediaType) {
        DocumentFormat format = DocumentFormat.detect(name, head);
        if (declared != null && declared != format) {
            throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "the body is " + format + " but Content-Type says " + mediaType);
        }
        return format;
    }

    /** A read of the body that fails is the client's doing (an aborted or truncated upload): 400, not 500. */
    private static <T> T readOrBadRequest(BodyRead<T> read) {
        try {
            return read.run();
        } catch (IOException e) {
            throw HttpError.badRequest("the request body could not be read to its end");
        }
    }

    private interface BodyRead<T> {
        T run() throws IOException;
    }

    private static UploadedFile multipartDocument(Context ctx, long maxBytes) {
        UploadedFile part;
        try {
            part = ctx.uploadedFile("document");
        } catch (IllegalStateException e) {
            // Jetty refuses a part over the configured multipart limits with this exception.
            throw tooLarge(maxBytes);
        }
        if (part == null) {
            throw HttpError.badRequest("the multipart form has no part named 'document'");
        }
        return part;
    }

    private static DocumentFormat formatOf(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> DocumentFormat.PDF;
            case "application/xml", "text/xml" -> DocumentFormat.XML;
            default -> throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send application/pdf, application/xml, text/xml or multipart/form-data, not '" + mediaType + "'");
        };
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /**
     * Copies the rest of the body: at most {@code allowed} more bytes, else 413 for a body over
     * {@code maxBytes}. A read that fails is the client's doing (400); a write that fails (a full disk)
     * is the server's.
     */
    private static void copy(InputStream in, OutputStream out, long allowed, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = readOrBadRequest(() -> in.read(buffer)); n >= 0; n = readOrBadRequest(() -> in.read(buffer))) {
            total += n;
            if (total > allowed) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }

    /**
     * The last path element of the name a client gave, without control characters (it appears in
     * answers, logs and the audit log), or {@code otherwise}; never through Path.of (a NUL would throw).
     */
    private static String clientName(String given, String otherwise) {
        String name = given == null ? "" : given.replaceAll("\\p{Cntrl}", "").replaceAll(".*[/\\\\]", "").strip();
        if (name.isEmpty()) {
            return otherwise;
        }
        return name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name;
    }

    private static HttpError tooLarge(long maxBytes) {
        return new HttpError(413, "TOO_LARGE", "the document is larger than this server accepts (" + maxBytes + " bytes)");
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
