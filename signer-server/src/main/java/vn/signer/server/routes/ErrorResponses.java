package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.report.Json;
import vn.signer.server.words.Answers;

/**
 * The one place where errors become answers: signer-core's {@link ErrorCode}s map to HTTP statuses
 * here, and every error is the JSON {@code {"error": CODE, "message": TEXT}}, the message in the
 * caller's language ({@link AnswerLanguage}, said in Content-Language). Nothing unexpected leaks: an
 * unknown exception is logged (class and message, no document) and answered with a bare 500.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    /** The error body. */
    public record ErrorBody(String error, String message) {
    }

    /** The error body of the CSC API's routes, with the CSC specification's (OAuth 2.0's) names. */
    record CscErrorBody(String error, String error_description) {
    }

    /**
     * The status and body of an error answer, its message in English (for the audit, which operators
     * read), and the message as the caller was told it, in its language.
     */
    record Answer(int status, ErrorBody body, String shown) {
    }

    private ErrorResponses() {
    }

    /** Bodies up to this size are read to their end before an early answer. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;
    /** ... and for at most this long, so that a refused client trickling its body cannot keep a thread reading it. */
    private static final Duration DRAIN_TIME = Duration.ofSeconds(1);

    /**
     * Reads what is left of a small request body before answering, and says whether it reached its end:
     * a client still sending its document when the server refuses it early (no profile, a bad option, a
     * declared length over the limit) would otherwise often meet a reset connection instead of the
     * answer. Bodies over these bounds are not read for nothing.
     */
    private static boolean drainSmallBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length == 0) {
            return true;
        }
        if (length > DRAIN_LIMIT) {
            return false;
        }
        // A silent client would otherwise hold this thread in the read until the connection's idle timeout.
        EndPoint endPoint = Requests.endPoint(ctx);
        long idleTimeout = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(DRAIN_TIME.toMillis());
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            long start = System.nanoTime();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > DRAIN_LIMIT || System.nanoTime() - start > DRAIN_TIME.toNanos()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            // Unreadable now (a form Jetty gave up parsing, a client gone or silent): the connection goes with the answer.
            LOG.debug("request body not drained: {}", e.getMessage());
            return false;
        } finally {
            endPoint.setIdleTimeout(idleTimeout);
        }
    }

    /** The HTTP status for each signer-core error code. */
    static int status(ErrorCode code) {
        return switch (code) {
            case USAGE, BAD_INPUT -> 400;
            case NOT_SIGNABLE, VERIFICATION_FAILED, SIGNATURE_VALUE_REFUSED -> 422;
            // The server's own key, token, TSA or configuration: the caller can only retry later.
            case PIN_REFUSED, TOKEN_LOCKED, PIN_UNAVAILABLE, TOKEN_UNAVAILABLE, KEY_NOT_FOUND, CERTIFICATE_UNUSABLE,
                    TIMESTAMP_FAILED, LEVEL_UNREACHABLE, SIGNING_FAILED, REMOTE_REFUSED, REMOTE_EXPIRED,
                    REMOTE_OTP_REFUSED -> 503;
            // Files the server itself reads and writes (spooled bodies, CRL files): not the caller's doing.
            case INPUT_MISSING, IO, OUTPUT_EXISTS -> 500;
        };
    }

    private static String withoutTempFile(String text, String document) {
        return text.replaceAll("\\S*signer-(upload|signed)-\\S*?\\.(bin|pdf|xml)", document);
    }

    /**
     * The CSC error code of an answer: a code of the CSC specification as the handler gave it (lower
     * case), else the OAuth 2.0 code of its status.
     */
    private static String cscCode(int status, String code) {
        if (code.equals(code.toLowerCase(Locale.ROOT))) {
            return code;
        }
        return switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 429, 503, 504 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    /** Writes the error answer for {@code e} and returns it, for metrics and audit. */
    static Answer write(Context ctx, Exception e) {
        Locale language = AnswerLanguage.forError(ctx);
        int status;
        String code;
        String message;
        String english;
        if (e instanceof HttpError error) {
            status = error.status();
            code = error.code();
            message = error.message(language);
            english = error.getMessage();
        } else if (e instanceof SignerException error) {
            status = status(error.code());
            code = error.code().name();
            // Messages name the server's temporary file; callers know their document by what they sent.
            english = withoutTempFile(error.oneLine(), "the document");
            message = withoutTempFile(error.problem().oneLine(language),
                    Answers.text(language, "document", List.of()));
        } else if (e instanceof HttpResponseException error) {
            status = error.getStatus();
            code = status == 413 ? "TOO_LARGE" : "BAD_REQUEST";
            // Javalin's own English says no more than the status.
            String key = status == 413 ? "http.413" : "http.400";
            message = Answers.text(language, key, List.of());
            english = Answers.english(key, List.of());
        } else {
            LOG.error("internal error on {} {}: {}: {}", ctx.method(), ctx.path(), e.getClass().getName(), e.getMessage());
            status = 500;
            code = "INTERNAL";
            message = Answers.text(language, "internal", List.of());
            english = Answers.english("internal", List.of());
        }
        // What is left of a body too slow to wait for is not read. A body not read to its end leaves the
        // connection unusable: saying so keeps a client from sending its next request into a closing one.
        boolean closes = status == 408 || e instanceof HttpError error && error.closesConnection();
        if (closes || !drainSmallBody(ctx)) {
            ctx.header("Connection", "close");
        }
        ctx.header("Content-Language", AnswerLanguage.header(language));
        String route = ctx.attribute(Guard.ROUTE_ATTRIBUTE);
        if (route != null && route.startsWith(CscHandler.PREFIX)) {
            code = cscCode(status, code);
            ctx.status(status).contentType("application/json").result(Json.line(new CscErrorBody(code, message)));
        } else {
            ctx.status(status).contentType("application/json").result(Json.line(new ErrorBody(code, message)));
        }
        if (status == 429 || status == 503) {
            Duration retryAfter = e instanceof HttpError error ? error.retryAfter() : null;
            ctx.header("Retry-After", retryAfter == null ? "1" : Long.toString(retryAfter.toSeconds()));
        }
        return new Answer(status, new ErrorBody(code, english), message);
    }
}
