package vn.signer.server.routes;

import java.time.Duration;

/**
 * A refusal that is the server's own (not a signer-core error): authentication, authorisation,
 * limits, content types. Handlers throw it; {@link ErrorResponses} turns it into the JSON answer.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final boolean closesConnection;

    public HttpError(int status, String code, String message) {
        this(status, code, message, null, false);
    }

    /** A refusal the client may retry after {@code retryAfter} (sent as Retry-After), or null for the default. */
    HttpError(int status, String code, String message, Duration retryAfter) {
        this(status, code, message, retryAfter, false);
    }

    private HttpError(int status, String code, String message, Duration retryAfter, boolean closesConnection) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.closesConnection = closesConnection;
    }

    /**
     * A 400 for a body Jetty gave up reading part way (a malformed multipart form): its rest reads as
     * ended, yet Jetty closes the connection after the answer, so the answer says so.
     */
    static HttpError unreadableBody(String message) {
        return new HttpError(400, "BAD_REQUEST", message, null, true);
    }

    /** Whether the answer must close the connection. */
    boolean closesConnection() {
        return closesConnection;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When the client may retry, or null for the default of a 429 or 503 (a second). */
    Duration retryAfter() {
        return retryAfter;
    }

    static HttpError unauthorized(String message) {
        return new HttpError(401, "UNAUTHORIZED", message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, "FORBIDDEN", message);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, "BAD_REQUEST", message);
    }
}
