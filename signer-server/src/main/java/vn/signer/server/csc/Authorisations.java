package vn.signer.server.csc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SADs the CSC service has granted and not yet spent, in memory and bounded: a SAD is a random
 * 256-bit value, usable only by the client it was granted to, for its credential, for the hashes it
 * is bound to, each once, until it expires. Expired ones are dropped as new ones are granted. Safe
 * to use from several threads.
 */
public final class Authorisations {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final int max;
    private final Map<String, Authorisation> granted = new LinkedHashMap<>();

    /** @param max the most SADs held at once; a further grant is refused until some are spent or expire */
    public Authorisations(Clock clock, int max) {
        this.clock = clock;
        this.max = max;
    }

    /** Why a SAD cannot sign the hashes asked. */
    public enum Refusal { UNKNOWN, EXPIRED, OTHER_CLIENT, OTHER_CREDENTIAL, OTHER_HASHES }

    /** A SAD refused for {@link #refusal()}. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Grants a SAD for {@code hashes}, or null when as many are held as allowed.
     *
     * @param hashes lower-case hex
     */
    public synchronized String grant(String client, String credential, Set<String> hashes, Duration validity) {
        Instant now = clock.instant();
        granted.values().removeIf(a -> !now.isBefore(a.expires()));
        if (granted.size() >= max) {
            return null;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String sad = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        granted.put(sad, new Authorisation(client, credential, hashes, now.plus(validity)));
        return sad;
    }

    /**
     * Spends {@code sad} on {@code hashes}: every one must be among those it is bound to and not signed
     * yet; when none is left, the SAD is gone. Nothing is spent when it is refused.
     *
     * @param hashes lower-case hex
     * @throws Refused when it is unknown, expired, another client's or credential's, or not bound to every hash
     */
    public synchronized void spend(String sad, String client, String credential, List<String> hashes) throws Refused {
        Authorisation found = granted.get(sad);
        if (found == null) {
            throw new Refused(Refusal.UNKNOWN);
        }
        if (!clock.instant().isBefore(found.expires())) {
            granted.remove(sad);
            throw new Refused(Refusal.EXPIRED);
        }
        if (!found.client().equals(client)) {
            throw new Refused(Refusal.OTHER_CLIENT);
        }
        if (!found.credential().equals(credential)) {
            throw new Refused(Refusal.OTHER_CREDENTIAL);
        }
        Set<String> left = new HashSet<>(found.hashes());
        for (String hash : hashes) {
            if (!left.remove(hash)) {
                throw new Refused(Refusal.OTHER_HASHES);
            }
        }
        if (left.isEmpty()) {
            granted.remove(sad);
        } else {
            granted.put(sad, new Authorisation(found.client(), found.credential(), left, found.expires()));
        }
    }

    /** The SADs held now, expired ones included until the next grant. */
    public synchronized int size() {
        return granted.size();
    }
}
