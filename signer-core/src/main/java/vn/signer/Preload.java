package vn.signer;

import eu.europa.esig.dss.spi.DSSSecurityProvider;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a short-lived process set up, on a second core, what its first signature or verification
 * will need and takes long to make, while it does its own start-up (parsing its command line,
 * opening the key) on the first.
 *
 * <p>What takes long is the BouncyCastle provider that DSS parses certificates and checks
 * signatures with: since BouncyCastle 1.83 it computes every named elliptic curve when it is made,
 * a quarter of a cold one-page signature on a 2-core machine. A long-running process (a server, a
 * batch) has no need for this: it pays the cost once either way.
 */
public final class Preload {
    private Preload() {
    }

    /**
     * Starts the set-up on a daemon thread, which never keeps the process alive, and returns at once.
     * Calling it is optional and changes no result. A thread that needs the provider before it is
     * ready waits for the curves being computed (the JVM lets one thread initialise a class while
     * others wait), so that work is never done twice.
     *
     * @return completes when the set-up is done; callers may ignore it
     */
    public static CompletableFuture<Void> startInBackground() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                DSSSecurityProvider.getSecurityProvider();
                done.complete(null);
            } catch (Throwable e) {
                // Whoever needs the provider next makes it again, and meets this failure there.
                done.completeExceptionally(e);
            }
        }, "signer-preload");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
