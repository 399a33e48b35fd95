package vn.signer.server.split;

import java.io.Closeable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.signer.document.DocumentFormat;
import vn.signer.sign.PreparedSignature;

/**
 * The signing sessions waiting for their signature values, bounded in number and in the bytes of
 * their documents. A session is taken out of the store before it is completed, so that two requests
 * completing it at once cannot both go on; expired ones are removed (and their files deleted) as new
 * ones are opened, and all on close.
 */
public final class SplitSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SplitSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No room for another session; {@link #byBytes()} says which bound was hit. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean byBytes;

        Full(boolean byBytes) {
            super(byBytes ? "the signing sessions hold as many bytes as allowed" : "as many signing sessions as allowed are open");
            this.byBytes = byBytes;
        }

        public boolean byBytes() {
            return byBytes;
        }
    }

    private final Map<String, SplitSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final int maxSessions;
    private final long maxBytes;
    private long bytes;

    public SplitSessions(Clock clock, Duration lifetime, int maxSessions, long maxBytes) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxSessions = maxSessions;
        this.maxBytes = maxBytes;
    }

    /**
     * Refuses early, before a document of {@code size} bytes is prepared for nothing, when there would
     * be no room for its session.
     *
     * @throws Full when a bound would be passed
     */
    public void requireRoom(long size) {
        sweep();
        synchronized (this) {
            requireRoomLocked(size);
        }
    }

    /**
     * Keeps a prepared document, expiring {@code lifetime} from now.
     *
     * @throws Full when a bound would be passed (the caller still owns {@code prepared} and {@code document})
     */
    public SplitSession open(String client, String profile, String documentSha256, String certificateSha256,
                             DocumentFormat format, long size, PreparedSignature prepared, Closeable document) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        SplitSession session = new SplitSession(Base64.getUrlEncoder().withoutPadding().encodeToString(random), client, profile,
                documentSha256, certificateSha256, format, size, clock.instant().plus(lifetime), prepared, document);
        synchronized (this) {
            requireRoomLocked(size);
            bytes += size;
            sessions.put(session.id(), session);
        }
        return session;
    }

    private void requireRoomLocked(long size) {
        if (sessions.size() >= maxSessions) {
            throw new Full(false);
        }
        if (bytes + size > maxBytes) {
            throw new Full(true);
        }
    }

    /**
     * Takes the session {@code id} of {@code client} out of the store, expired or not: it is the caller's
     * to complete or refuse, and to close.
     *
     * @return null when there is no such session of this client (never prepared, completed or removed already)
     */
    public SplitSession take(String id, String client) {
        SplitSession session = sessions.get(id);
        if (session == null || !session.client().equals(client) || !sessions.remove(id, session)) {
            return null;
        }
        released(session);
        return session;
    }

    /** Removes and closes the sessions expired by now. */
    public void sweep() {
        Instant now = clock.instant();
        List<SplitSession> expired = new ArrayList<>();
        for (SplitSession session : sessions.values()) {
            if (session.expired(now) && sessions.remove(session.id(), session)) {
                released(session);
                expired.add(session);
            }
        }
        expired.forEach(SplitSessions::closeLogged);
    }

    /** The sessions open now. */
    public int size() {
        return sessions.size();
    }

    public Instant now() {
        return clock.instant();
    }

    private synchronized void released(SplitSession session) {
        bytes -= session.bytes();
    }

    private static void closeLogged(SplitSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            // An expired session's files are the server's to delete; the sweep goes on with the others.
            LOG.warn("cannot remove an expired signing session's files: {}", e.getMessage());
        }
    }

    /** Closes every session left. */
    @Override
    public void close() {
        List<SplitSession> left = new ArrayList<>(sessions.values());
        sessions.clear();
        left.forEach(SplitSessions::closeLogged);
    }
}
