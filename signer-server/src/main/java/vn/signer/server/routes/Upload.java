package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.document.SafeXml;
import vn.signer.server.limits.BodyRateHandler;
import vn.signer.verify.DetachedContent;

/**
 * A request's document, with its SHA-256 (computed as it arrives) and its size checked. A document up
 * to {@link #IN_MEMORY_LIMIT} is kept in memory and never touches the disk; a larger one is streamed
 * to a temporary file, so that receiving a 100 MB body does not take 100 MB of memory (signing and
 * verifying it then read it as they read any file). Accepts a raw body (application/pdf or XML) or a
 * multipart form with a part named {@code document}, and then any parts named {@code detached}: the
 * signed contents of a detached XML signature, each under the file name its part gives (which is what a
 * signature's reference is matched to), written to temporary files. Closing deletes the files.
 */
public final class Upload implements Closeable {
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
    private final List<DetachedContent> detached = new ArrayList<>();

    private Upload(String name, String sha256, DocumentFormat format, byte[] content, Path file) {
        this.name = name;
        this.sha256 = sha256;
        this.format = format;
        this.content = content;
        this.file = file;
    }

    /** The detached contents sent with the document (multipart parts named {@code detached}), in their order. */
    List<DetachedContent> detached() {
        return List.copyOf(detached);
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

    /** The document's size in bytes. */
    long size() throws IOException {
        return content != null ? content.length : Files.size(file);
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

    /** Refuses an XML document over {@code maxXmlBytes}, the operator's limit, with 413. */
    void requireXmlWithin(long maxXmlBytes) throws IOException {
        long size = content != null ? content.length : Files.size(file);
        if (format == DocumentFormat.XML && size > maxXmlBytes) {
            throw new HttpError(413, "TOO_LARGE", "xml.tooLarge", SafeXml.megabytes(size), SafeXml.megabytes(maxXmlBytes));
        }
    }

    /**
     * Receives the document of {@code ctx}.
     *
     * @throws HttpError 413 too large, 415 unsupported type or parameter, 408 a body too slow, 400 no
     *                   document, a malformed form or a body cut short
     * @throws SignerException BAD_INPUT when the content is neither PDF nor XML
     */
    static Upload receive(Context ctx, long maxBytes, Path tempDir) throws IOException {
        return receive(ctx, maxBytes, tempDir, false);
    }

    /**
     * Receives the document of {@code ctx} and, when {@code withDetached}, a form's detached contents
     * (parts named {@code detached}; only verification has a use for them).
     *
     * @see #receive(Context, long, Path)
     */
    static Upload receive(Context ctx, long maxBytes, Path tempDir, boolean withDetached) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        // The header itself: the servlet's getContentType() throws on a charset name it cannot look up.
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        checkParameters(type);
        DocumentFormat declaredFormat;
        InputStream body;
        String name = "document";
        boolean multipart = mediaType.equals("multipart/form-data");
        boolean detachedParts = multipart && withDetached;
        if (multipart) {
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
                Upload upload = new Upload(name, hex, format(name, head, declaredFormat, mediaType), head, null);
                return detachedParts ? upload.withDetached(ctx, maxBytes - head.length, maxBytes, tempDir) : upload;
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
                Upload upload = new Upload(name, hex, format, null, named);
                return detachedParts ? upload.withDetached(ctx, maxBytes - Files.size(named), maxBytes, tempDir) : upload;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }

    /**
     * Receives the form's detached contents into temporary files, at most {@code allowed} bytes in all
     * (the document took the rest of {@code maxBytes}); on any failure the files already written and
     * this upload's own are deleted.
     */
    private Upload withDetached(Context ctx, long allowed, long maxBytes, Path tempDir) throws IOException {
        try {
            List<UploadedFile> parts;
            try {
                parts = ctx.uploadedFiles("detached");
            } catch (RuntimeException e) {
                throw multipartRefused(e, maxBytes);
            }
            long left = allowed;
            for (UploadedFile part : parts) {
                if ((part.filename() == null || part.filename().isEmpty()) && part.size() == 0) {
                    continue; // a browser sends an empty part for a file input left empty
                }
                Path content = Files.createTempFile(tempDir, "signer-detached-", ".bin");
                detached.add(new DetachedContent(clientName(part.filename(), "content-" + (detached.size() + 1)), content));
                try (InputStream in = part.content(); OutputStream out = Files.newOutputStream(content)) {
                    left -= copy(in, out, left, maxBytes);
                }
            }
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
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
            throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "type.mismatch", format.name(), mediaType);
        }
        return format;
    }

    /**
     * A read of the body that fails is the client's doing: 408 when it came too slowly, else 400 (an
     * aborted or truncated upload), not 500.
     */
    private static <T> T readOrBadRequest(BodyRead<T> read) {
        try {
            return read.run();
        } catch (IOException e) {
            BodyRateHandler.SlowBodyException slow = cause(e, BodyRateHandler.SlowBodyException.class);
            if (slow != null) {
                throw tooSlow(slow);
            }
            // The connection's idle timeout: the client stopped sending in the middle of its body.
            throw cause(e, TimeoutException.class) != null ? new HttpError(408, "REQUEST_TIMEOUT", "body.stopped")
                    : HttpError.badRequest("body.unreadable");
        }
    }

    /** The first exception of {@code type} in {@code e}'s chain of causes, or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static HttpError tooSlow(BodyRateHandler.SlowBodyException e) {
        return new HttpError(408, "REQUEST_TIMEOUT", e.key(), e.args().toArray());
    }

    /**
     * The Content-Type's parameters must be well formed and a charset one that exists: the servlet
     * layer would otherwise fail on a name like {@code ../../x} deep inside, as a 500.
     */
    private static void checkParameters(String type) {
        String[] parts = type.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "type.emptyParameter", parameter);
            }
            if (parameter.substring(0, equals).strip().equals("charset")) {
                String charset = parameter.substring(equals + 1).strip().replace("\"", "");
                if (!supported(charset)) {
                    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "type.unknownCharset", charset);
                }
            }
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private interface BodyRead<T> {
        T run() throws IOException;
    }

    private static UploadedFile multipartDocument(Context ctx, long maxBytes) {
        UploadedFile part;
        try {
            part = ctx.uploadedFile("document");
        } catch (Exception e) {
            // Jetty's parser fails the whole form (declared or not: ServletException reaches here unchecked).
            throw multipartRefused(e, maxBytes);
        }
        if (part == null) {
            throw HttpError.badRequest("form.noDocument");
        }
        return part;
    }

    /**
     * What a form Jetty could not parse is: a part over the configured limits (IllegalStateException,
     * or a 413 BadMessageException) is 413; a body that came too slowly 408; any other malformed form
     * (no boundary, the boundary absent from the body, a truncated body, more parts than allowed) 400.
     */
    private static RuntimeException multipartRefused(Exception e, long maxBytes) {
        if (e instanceof IllegalStateException) {
            return tooLarge(maxBytes);
        }
        BodyRateHandler.SlowBodyException slow = cause(e, BodyRateHandler.SlowBodyException.class);
        if (slow != null) {
            return tooSlow(slow);
        }
        BadMessageException bad = cause(e, BadMessageException.class);
        if (bad != null) {
            return bad.getCode() == 413 ? tooLarge(maxBytes)
                    : HttpError.unreadableBody("form.unreadable", String.valueOf(bad.getReason()));
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException("cannot read the multipart form", e);
    }

    private static DocumentFormat formatOf(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> DocumentFormat.PDF;
            case "application/xml", "text/xml" -> DocumentFormat.XML;
            default -> throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "type.unsupported", mediaType);
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
    private static long copy(InputStream in, OutputStream out, long allowed, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = readOrBadRequest(() -> in.read(buffer)); n >= 0; n = readOrBadRequest(() -> in.read(buffer))) {
            total += n;
            if (total > allowed) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
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
        return new HttpError(413, "TOO_LARGE", "body.tooLarge", maxBytes);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        for (DetachedContent content : detached) {
            Files.deleteIfExists(content.file());
        }
    }
}
