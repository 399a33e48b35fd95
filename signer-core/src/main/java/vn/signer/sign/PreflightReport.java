package vn.signer.sign;

import java.util.List;

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

    /** One thing checked and what was found, in plain words. */
    public record Finding(Severity severity, String message) {
    }

    /** True when nothing stops the level. */
    public boolean reachable() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM);
    }

    /** The problems, one per line. */
    public String problems() {
        return String.join("; ", findings.stream().filter(f -> f.severity() == Severity.PROBLEM)
                .map(Finding::message).toList());
    }
}
