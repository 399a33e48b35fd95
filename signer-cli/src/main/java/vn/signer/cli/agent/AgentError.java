package vn.signer.cli.agent;

import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * A request the agent answers with an error: the HTTP status, the code pages depend on, and the
 * problem worded for the person in the agent's language.
 *
 * @param status  the HTTP status
 * @param code    CANCELLED, BUSY, TOKEN_MISSING, PIN_LOCKED, PIN_REFUSED, CERTIFICATE_UNKNOWN, BAD_REQUEST,
 *                FORBIDDEN, SIGNING_FAILED, NOT_FOUND
 * @param problem what went wrong
 */
final class AgentError extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Problem problem;

    AgentError(int status, String code, Problem problem) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.problem = problem;
    }

    static AgentError of(int status, String code, String key, Object... facts) {
        return new AgentError(status, code, Problem.in(AgentSetup.BUNDLE, key, facts));
    }

    /** Cancelled or refused by the person, or left unanswered: 409, and nothing was signed. */
    static AgentError cancelled() {
        return of(409, "CANCELLED", "agent.error.cancelled");
    }

    /** Core's refusal, in the agent's codes. */
    static AgentError of(SignerException e) {
        Problem problem = e.problem() != null ? e.problem()
                : Problem.in(AgentSetup.BUNDLE, "agent.error.other", String.valueOf(e.getMessage()));
        return switch (e.code()) {
            case TOKEN_UNAVAILABLE -> new AgentError(503, "TOKEN_MISSING", problem);
            case TOKEN_LOCKED -> new AgentError(423, "PIN_LOCKED", problem);
            case PIN_REFUSED -> new AgentError(403, "PIN_REFUSED", problem);
            case PIN_UNAVAILABLE -> cancelled();
            case KEY_NOT_FOUND, CERTIFICATE_UNUSABLE -> new AgentError(404, "CERTIFICATE_UNKNOWN", problem);
            case BAD_INPUT, USAGE -> new AgentError(400, "BAD_REQUEST", problem);
            default -> new AgentError(502, "SIGNING_FAILED", problem);
        };
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Problem problem() {
        return problem;
    }
}
