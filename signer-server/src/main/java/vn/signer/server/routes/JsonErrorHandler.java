package vn.signer.server.routes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import vn.signer.audit.AuditEntry;
import vn.signer.report.Json;

/**
 * Jetty's own error answers, given before a request reaches the routes (a bad request line, a URI or
 * headers too long), in the same JSON as every other error instead of Jetty's HTML page, counted and
 * audited. The message is the status's own: nothing of what the client sent is echoed.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final ServerContext server;

    public JsonErrorHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        ErrorResponses.ErrorBody body = body(status);
        record(status, body, Request.getRemoteAddr(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(Json.line(body).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A message Jetty refuses while still parsing it, with no request to hand: the address is unknown. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ErrorResponses.ErrorBody body = body(status);
        record(status, body, "unknown");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.line(body).getBytes(StandardCharsets.UTF_8));
    }

    private void record(int status, ErrorResponses.ErrorBody body, String address) {
        server.metrics().error(body.error());
        server.refusals().refused(new AuditEntry(Instant.now(), address, "http " + status, null, null, body.error(),
                body.message()));
    }

    public static ErrorResponses.ErrorBody body(int status) {
        return switch (status) {
            case 400 -> new ErrorResponses.ErrorBody("BAD_REQUEST", "the request is not valid HTTP");
            case 408 -> new ErrorResponses.ErrorBody("REQUEST_TIMEOUT", "the request did not arrive in time");
            case 413 -> new ErrorResponses.ErrorBody("TOO_LARGE", "the request is larger than this server accepts");
            case 414 -> new ErrorResponses.ErrorBody("URI_TOO_LONG", "the request's URI is longer than this server accepts");
            case 431 -> new ErrorResponses.ErrorBody("HEADERS_TOO_LARGE", "the request's headers are larger than this server accepts");
            default -> new ErrorResponses.ErrorBody("HTTP_" + status, HttpStatus.getMessage(status));
        };
    }
}
