package vn.signer.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.HashSigner;
import vn.signer.keys.SignatureScheme;

/**
 * Gathers the hashes that several documents' workers ask a remote key to sign into one authorisation
 * of at most {@code max} hashes: a group is sent when it is full, when every worker waits in it, or
 * when no document that may still bring a hash is left (the batch says how many there are, and each
 * one finished). Until a batch says so, each hash goes alone. A group waits at most {@code linger}
 * after its last hash for more, whatever happened to the rest of the batch. The thread that closes a
 * group makes the remote calls; the others wait for their value. After a failure of the service (a
 * refusal, an expiry) every later hash fails the same way, so that a refused batch stops.
 */
public final class HashBatcher implements HashSigner, HashSigner.Batching {
    /** One authorisation for several hashes, and their signatures, in order. */
    @FunctionalInterface
    public interface Authorisation {
        List<byte[]> sign(List<byte[]> hashes, SignatureScheme scheme);
    }

    private final int max;
    private final Authorisation service;
    private final Duration linger;
    private final ThreadLocal<Boolean> submitted = ThreadLocal.withInitial(() -> false);
    /** Documents that may still bring a hash, or -1 when no batch said. */
    private int outstanding = -1;
    private int workers = 1;
    private Group forming;
    private SignerException failed;

    /** @param max the most hashes one authorisation covers (the credential's multisign) */
    public HashBatcher(int max, Authorisation service, Duration linger) {
        if (max < 1) {
            throw new IllegalArgumentException("an authorisation covers at least one hash");
        }
        this.max = max;
        this.service = service;
        this.linger = linger;
    }

    private static final class Group {
        final SignatureScheme scheme;
        final List<byte[]> hashes = new ArrayList<>();
        long lastArrival = System.nanoTime();
        boolean closed;
        List<byte[]> values;
        SignerException failure;

        Group(SignatureScheme scheme) {
            this.scheme = scheme;
        }
    }

    @Override
    public Batching batching() {
        return this;
    }

    @Override
    public int maxPerAuthorisation() {
        return max;
    }

    @Override
    public synchronized void started(int documents, int workers) {
        this.outstanding = documents;
        this.workers = Math.max(1, workers);
    }

    @Override
    public void finished() {
        Group toSend = null;
        synchronized (this) {
            if (!submitted.get() && outstanding > 0) {
                outstanding--;
                toSend = closeIfComplete();
            }
        }
        submitted.set(false);
        send(toSend);
    }

    @Override
    public byte[] signDigest(byte[] digest, SignatureScheme scheme) {
        Group group;
        int index;
        Group toSend = null;
        Group other = null;
        synchronized (this) {
            if (failed != null) {
                throw failed;
            }
            submitted.set(true);
            if (outstanding > 0) {
                outstanding--;
            }
            if (forming != null && !forming.scheme.equals(scheme)) {
                other = close();
            }
            if (forming == null) {
                forming = new Group(scheme);
            }
            group = forming;
            index = group.hashes.size();
            group.hashes.add(digest.clone());
            group.lastArrival = System.nanoTime();
            if (group.hashes.size() >= max || group.hashes.size() >= workers || outstanding <= 0) {
                toSend = close();
            }
        }
        send(other);
        send(toSend);
        return await(group, index);
    }

    /** The forming group when no more hashes can join it; call holding the lock. */
    private Group closeIfComplete() {
        return forming != null && outstanding <= 0 ? close() : null;
    }

    private Group close() {
        Group group = forming;
        forming = null;
        group.closed = true;
        return group;
    }

    private byte[] await(Group group, int index) {
        Group toSend = null;
        synchronized (this) {
            while (group.values == null && group.failure == null) {
                if (!group.closed) {
                    long idle = System.nanoTime() - group.lastArrival;
                    if (idle >= linger.toNanos()) {
                        toSend = close();
                        break;
                    }
                    waitUpTo(linger.toNanos() - idle);
                } else {
                    waitUpTo(linger.toNanos());
                }
            }
        }
        if (toSend != null) {
            send(toSend);
        }
        synchronized (this) {
            if (group.failure != null) {
                throw group.failure;
            }
            return group.values.get(index);
        }
    }

    private void waitUpTo(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.interrupted.key"), e);
        }
    }

    /** Asks the authorisation and the signatures of {@code group}, on this thread, and wakes its waiters. */
    private void send(Group group) {
        if (group == null) {
            return;
        }
        List<byte[]> values = null;
        SignerException failure = null;
        try {
            // Two copies of one document signed in the same second have the same hash: it is asked once.
            Map<String, Integer> distinct = new LinkedHashMap<>();
            List<byte[]> asked = new ArrayList<>();
            for (byte[] hash : group.hashes) {
                if (distinct.putIfAbsent(HexFormat.of().formatHex(hash), asked.size()) == null) {
                    asked.add(hash);
                }
            }
            List<byte[]> signed = service.sign(List.copyOf(asked), group.scheme);
            if (signed.size() != asked.size()) {
                failure = new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.answer.count", signed.size(),
                        asked.size()));
            } else {
                values = new ArrayList<>();
                for (byte[] hash : group.hashes) {
                    values.add(signed.get(distinct.get(HexFormat.of().formatHex(hash))));
                }
            }
        } catch (SignerException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("remote.failed", String.valueOf(e.getMessage())), e);
        }
        synchronized (this) {
            if (failure != null) {
                group.failure = failure;
                failed = failure;
            } else {
                group.values = values;
            }
            notifyAll();
        }
    }
}
