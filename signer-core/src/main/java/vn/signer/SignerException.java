package vn.signer;

import java.util.Locale;
import java.util.Objects;

/**
 * The one exception type signer-core throws for a failure a user can act on. Its message says what
 * is wrong (naming the file, token or key concerned) and {@link #hint()} what to do about it. Messages
 * never contain a PIN, a password or key material. It carries a {@link Problem}, the key and the facts,
 * so that a face says it in the user's language and gives its own advice; its message and hint are the
 * English.
 */
public class SignerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;
    private final transient Problem problem;

    public SignerException(ErrorCode code, Problem problem) {
        this(code, problem, null);
    }

    public SignerException(ErrorCode code, Problem problem, Throwable cause) {
        super(problem.message(Locale.ROOT), cause);
        this.code = Objects.requireNonNull(code);
        this.hint = problem.hint(Locale.ROOT);
        this.problem = problem;
    }

    /** The key and facts. */
    public Problem problem() {
        return problem;
    }

    public ErrorCode code() {
        return code;
    }

    /** What the user can do about it, or {@code null} when there is nothing useful to say. */
    public String hint() {
        return hint;
    }

    /** The message and the hint as one line, the way a user should see it. */
    public String oneLine() {
        return hint == null || hint.isBlank() ? getMessage() : getMessage() + " — " + hint;
    }
}
