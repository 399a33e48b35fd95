package vn.signer.remote;

import java.time.Duration;

/** Hears that a remote key waits for its holder's confirmation (on a phone), about once a second. */
public interface Waiting {
    /** Hears nothing. */
    Waiting NONE = (service, left) -> {
    };

    /**
     * @param service the service's host, for the message
     * @param left    how long the confirmation may still take
     */
    void waiting(String service, Duration left);

    /** The wait is over, confirmed or not. */
    default void over() {
    }
}
