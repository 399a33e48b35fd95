package vn.signer;

import java.util.concurrent.CompletableFuture;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Lets a short-lived process do, on a second core, the slowest part of setting up the cryptographic
 * provider its first signature or verification needs, while it does its own start-up (parsing its
 * command line, opening the key) on the first.
 *
 * <p>DSS parses certificates and checks signatures with BouncyCastle's provider, and since
 * BouncyCastle 1.83 the provider's classes compute every named elliptic curve when they are first
 * initialised: a quarter of a cold one-page signature on a 2-core machine. That class initialisation
 * is what is done here; the JVM runs it once, and a thread that needs those classes meanwhile waits
 * for it to finish. DSS still makes its own provider instance when it first needs one, so nothing is
 * shared between threads but initialised classes. A long-running process (a server, a batch) has no
 * need for this: it pays the cost once either way.
 */
public final class Preload {
    private Preload() {
    }

    /**
     * Starts the work on a daemon thread, which never keeps the process alive, and returns at once.
     * Calling it is optional and changes no result.
     *
     * @return completes when the work is done; callers may ignore it
     */
    public static CompletableFuture<Void> startInBackground() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread(done).start();
        return done;
    }

    /** The thread that does the work and then completes {@code done}, not started yet. */
    static Thread thread(CompletableFuture<Void> done) {
        Thread thread = new Thread(() -> {
            try {
                new BouncyCastleProvider();
                done.complete(null);
            } catch (Throwable e) {
                // Whoever needs the provider next initialises the same classes, and meets this failure there.
                done.completeExceptionally(e);
            }
        }, "signer-preload");
        thread.setDaemon(true);
        return thread;
    }
}
