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
 * is bound to, each once, until it expires. Expired ones are dropped as new ones are granted. One
 * client holds at most its share of them, so that it cannot take every one from the other clients.
 * Safe to use from several threads.
 */
public final class Authorisations {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final int max;
    private final int maxPerClient;
    private final Map<String, Authorisation> granted = new LinkedHashMap<>();

    /**
     * @param max          the most SADs held at once; a further grant is refused until some are spent or expire
     * @param maxPerClient the most of them one client holds
     */
    public Authorisations(Clock clock, int max, int maxPerClient) {
        this.clock = clock;
        this.max = max;
        this.maxPerClient = maxPerClient;
    }

    /** Why a SAD cannot sign the hashes asked, or cannot be granted (the last two). */
    public enum Refusal { UNKNOWN, EXPIRED, OTHER_CLIENT, OTHER_CREDENTIAL, OTHER_HASHES, CLIENT_FULL, SERVER_FULL }

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
     * Grants a SAD for {@code hashes}.
     *
     * @param hashes lower-case hex
     * @throws Refused CLIENT_FULL when the client holds its share, SERVER_FULL when as many are held as allowed
     */
    public synchronized String grant(String client, String credential, Set<String> hashes, Duration validity) throws Refused {
        Instant now = clock.instant();
        granted.values().removeIf(a -> !now.isBefore(a.expires()));
        if (granted.values().stream().filter(a -> a.client().equals(client)).count() >= maxPerClient) {
            throw new Refused(Refusal.CLIENT_FULL);
        }
        if (granted.size() >= max) {
            throw new Refused(Refusal.SERVER_FULL);
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
