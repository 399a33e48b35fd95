package vn.signer.server.routes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import vn.signer.server.words.Answers;

/**
 * A refusal that is the server's own (not a signer-core error): authentication, authorisation,
 * limits, content types. Handlers throw it; {@link ErrorResponses} turns it into the JSON answer. It
 * carries a key of the Answers bundle and its facts, so that the answer is in the caller's language;
 * its exception message is the English, for the server's log and audit.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final boolean closesConnection;
    private final String key;
    private final List<Object> args;

    /** @param key a key of the Answers bundle; {@code args} its {0}, {1}... */
    public HttpError(int status, String code, String key, Object... args) {
        this(status, code, null, false, key, args);
    }

    /** A refusal the client may retry after {@code retryAfter} (sent as Retry-After), or null for the default. */
    HttpError(int status, String code, Duration retryAfter, String key, Object... args) {
        this(status, code, retryAfter, false, key, args);
    }

    private HttpError(int status, String code, Duration retryAfter, boolean closesConnection, String key, Object... args) {
        super(Answers.english(key, List.of(args)));
        this.key = key;
        this.args = List.of(args);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.closesConnection = closesConnection;
    }

    /**
     * A 400 for a body Jetty gave up reading part way (a malformed multipart form): its rest reads as
     * ended, yet Jetty closes the connection after the answer, so the answer says so.
     */
    static HttpError unreadableBody(String key, Object... args) {
        return new HttpError(400, "BAD_REQUEST", null, true, key, args);
    }

    /** The message in the language of {@code locale}. */
    String message(Locale locale) {
        return Answers.text(locale, key, args);
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

    static HttpError unauthorized(String key, Object... args) {
        return new HttpError(401, "UNAUTHORIZED", key, args);
    }

    static HttpError forbidden(String key, Object... args) {
        return new HttpError(403, "FORBIDDEN", key, args);
    }

    static HttpError badRequest(String key, Object... args) {
        return new HttpError(400, "BAD_REQUEST", key, args);
    }
}
