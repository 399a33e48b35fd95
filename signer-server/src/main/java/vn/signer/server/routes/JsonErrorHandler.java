package vn.signer.server.routes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import vn.signer.audit.AuditEntry;
import vn.signer.report.Json;
import vn.signer.server.words.Answers;

/**
 * Jetty's own error answers, given before a request reaches the routes (a bad request line, a URI or
 * headers too long), in the same JSON as every other error instead of Jetty's HTML page, counted and
 * audited. The message is the status's own: nothing of what the client sent is echoed. It is in the
 * language of the request's Accept-Language when there is a request to read it from.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final ServerContext server;

    public JsonErrorHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        Locale language = AnswerLanguage.fromHeader(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        record(status, body(status, Locale.ROOT), Request.getRemoteAddr(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, AnswerLanguage.header(language));
        response.write(true, ByteBuffer.wrap(Json.line(body(status, language)).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A message Jetty refuses while still parsing it, with no request to hand: the address is unknown. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ErrorResponses.ErrorBody body = body(status, Locale.ROOT);
        record(status, body, "unknown");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.line(body).getBytes(StandardCharsets.UTF_8));
    }

    private void record(int status, ErrorResponses.ErrorBody body, String address) {
        server.metrics().error(body.error());
        server.refusals().refused(new AuditEntry(Instant.now(), address, "http " + status, null, null, body.error(),
                body.message()));
    }

    public static ErrorResponses.ErrorBody body(int status, Locale language) {
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> "HTTP_" + status;
        };
        String message = code.startsWith("HTTP_")
                ? Answers.text(language, "http.other", List.of(String.valueOf(status), String.valueOf(HttpStatus.getMessage(status))))
                : Answers.text(language, "jetty." + status, List.of());
        return new ErrorResponses.ErrorBody(code, message);
    }
}
