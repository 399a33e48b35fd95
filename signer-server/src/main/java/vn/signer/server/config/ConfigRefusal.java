package vn.signer.server.config;

import vn.signer.Problem;
import vn.signer.server.words.Answers;

/**
 * A value of the server's configuration refused by the record that holds it, as a key of the Answers
 * bundle and its facts, so that the operator reads it in the server's start-up language. Thrown from
 * the records' constructors, where Jackson wraps it with the line it was reading; {@link ServerConfig#load}
 * unwraps it. An IllegalArgumentException, the exception Jackson expects from a refusing constructor.
 */
final class ConfigRefusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ConfigRefusal(String key, Object... facts) {
        this(Problem.in(Answers.BUNDLE, key, facts));
    }

    private ConfigRefusal(Problem problem) {
        super(problem.message(java.util.Locale.ROOT));
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
