package vn.signer.config;

import java.util.Locale;
import vn.signer.Problem;

/**
 * A value of a configuration file refused by the record that holds it, as a {@link Problem}, so that
 * the reader reads it in their language. Thrown from the records' constructors, where Jackson wraps it
 * with the place it was reading; {@link YamlConfig#read} unwraps it and adds the file, the line and the
 * key. An IllegalArgumentException, the exception Jackson expects from a refusing constructor.
 */
public final class ConfigRefusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ConfigRefusal(Problem problem) {
        super(problem.message(Locale.ROOT));
        this.problem = problem;
    }

    /** Refuses a value unless {@code condition} holds. */
    public static void require(boolean condition, Problem problem) {
        if (!condition) {
            throw new ConfigRefusal(problem);
        }
    }

    /**
     * Whether {@code check} accepts a value: core's own rules (a key id's hex, say) applied where the
     * value is read, so that a mistyped one is an error of the file, on its line.
     */
    public static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why the value was refused. */
    public Problem problem() {
        return problem;
    }
}
