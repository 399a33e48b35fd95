package vn.signer.cli.agent;

import java.time.Duration;
import vn.signer.keys.PinRequest;

/**
 * The officer at the computer, who alone decides: asked in a desktop dialog or in the terminal the
 * agent runs in. Every question has a time limit; no answer in time is a no.
 */
public interface Person {

    /** Shows {@code ask} and answers whether the person confirmed it within {@code limit}. */
    boolean confirms(Ask ask, Duration limit);

    /**
     * Asks the token's PIN (or the key file's password) for a request of {@code origin}.
     *
     * @return the PIN, or null when the person gave none within {@code limit} or cancelled
     */
    char[] pin(PinRequest request, String origin, Duration limit);

    /** Tells the person how a request ended (signed, refused, failed). */
    void told(String line);
}
