package vn.signer.cli.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.PinCallback;

/**
 * The key store opened (the token logged in) for a while: the PIN is given once, and the token logs
 * out {@code loginMinutes} after it, or when the agent stops. Used from the agent's one worker thread.
 */
final class TokenLogin implements AutoCloseable {
    private final KeySourceSpec spec;
    private final Map<String, String> environment;
    private final Duration keep;
    private final Clock clock;
    private KeySource open;
    private Instant until;

    TokenLogin(KeySourceSpec spec, Map<String, String> environment, Duration keep, Clock clock) {
        this.spec = spec;
        this.environment = environment;
        this.keep = keep;
        this.clock = clock;
    }

    /** Whether the PIN will be asked (the store is not open, and its PIN comes from a person). */
    boolean needsPin() {
        logoutIfOver();
        return open == null && spec.pin() instanceof KeySourceSpec.Prompt;
    }

    /** The open store, logging in with {@code pin} first when it is not. */
    KeySource source(PinCallback pin) {
        logoutIfOver();
        if (open == null) {
            open = spec.open(pin, environment);
            until = clock.instant().plus(keep);
        }
        return open;
    }

    /** Logs out once the login's time is over (also called by the agent's timer). */
    void logoutIfOver() {
        if (open != null && !clock.instant().isBefore(until)) {
            close();
        }
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
