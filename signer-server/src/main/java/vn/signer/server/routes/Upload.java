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
 * A request's document, streamed to a temporary file (never held in memory) while its SHA-256 is
 * computed and its size checked. Accepts a raw body (application/pdf or XML) or a multipart form with a
 * part named {@code document}. Closing deletes the file.
 *
 * @param name   the name the caller gave (multipart file name), or "document"
 * @param file   the temporary file
 * @param sha256 the document's SHA-256, lower-case hex
 * @param format PDF or XML, from the content
 */
public record Upload(String name, Path file, String sha256, DocumentFormat format) implements AutoCloseable {
    /** Request attribute holding the document's SHA-256 once read, for the audit log. */
    static final String SHA256_ATTRIBUTE = "signer.documentSha256";

    /**
     * Receives the document of {@code ctx}.
     *
     * @throws HttpError 413 too large, 415 unsupported type, 400 no document
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
            // Only the last path element of what the client says, and never through Path.of (a NUL would throw).
            name = part.filename() == null || part.filename().isBlank() ? name : part.filename().replaceAll(".*[/\\\\]", "");
        } else {
            declaredFormat = formatOf(mediaType);
            body = ctx.req().getInputStream();
        }
        Path file = Files.createTempFile(tempDir, "signer-upload-", ".bin");
        try {
            String sha256;
            try {
                sha256 = copy(body, file, maxBytes);
            } catch (IOException e) {
                // The client stopped sending (aborted or truncated upload): its request is bad, the server is fine.
                throw HttpError.badRequest("the request body could not be read to its end");
            }
            ctx.attribute(SHA256_ATTRIBUTE, sha256);
            DocumentFormat format = DocumentFormat.detect(file);
            if (declaredFormat != null && declaredFormat != format) {
                throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE",
                        "the body is " + format + " but Content-Type says " + mediaType);
            }
            // Core tells formats apart by content; the extension only keeps temp files readable.
            Path named = Files.move(file, file.resolveSibling(file.getFileName().toString()
                    .replace(".bin", format == DocumentFormat.PDF ? ".pdf" : ".xml")));
            return new Upload(name, named, sha256, format);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            body.close();
        }
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

    private static String copy(InputStream in, Path file, long maxBytes) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static HttpError tooLarge(long maxBytes) {
        return new HttpError(413, "TOO_LARGE", "the document is larger than this server accepts (" + maxBytes + " bytes)");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
