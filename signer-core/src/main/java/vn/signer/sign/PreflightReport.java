package vn.signer.sign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import vn.signer.Problem;

/**
 * Whether a level can be reached with a key and its services, and what was found on the way.
 *
 * @param level    the level asked for
 * @param findings every check made, in order
 */
public record PreflightReport(Level level, List<Finding> findings) {

    public PreflightReport {
        findings = List.copyOf(findings);
    }

    /** How a finding weighs. */
    public enum Severity {
        /** Checked and fine. */
        OK,
        /** Worth knowing, does not stop the level (e.g. one of two TSAs is down). */
        WARNING,
        /** The level cannot be reached until this is fixed. */
        PROBLEM
    }

    /**
     * One thing checked and what was found, as a {@link Problem} (a key and its facts, whatever the severity),
     * put into words in the language asked for; as JSON its severity and its English message.
     */
    public record Finding(Severity severity, @JsonIgnore Problem problem) {
        /** What was found, in English. */
        @JsonProperty("message")
        public String message() {
            return problem.message(Locale.ROOT);
        }
    }

    /** True when nothing stops the level. */
    public boolean reachable() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM);
    }

    /** What stops the level, each a key and its facts, in order. */
    public List<Problem> problems() {
        return findings.stream().filter(f -> f.severity() == Severity.PROBLEM).map(Finding::problem).toList();
    }
}
