package vn.signer.server.routes;

/**
 * A refusal that is the server's own (not a signer-core error): authentication, authorisation,
 * limits, content types. Handlers throw it; {@link ErrorResponses} turns it into the JSON answer.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
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
