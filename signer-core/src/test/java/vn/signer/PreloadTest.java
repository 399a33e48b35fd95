package vn.signer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.spi.DSSSecurityProvider;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PreloadTest {
    @Test
    void initialisesBouncyCastleOnADaemonThread() throws Exception {
        CompletableFuture<Void> done = Preload.startInBackground();
        // The thread is found while it runs or has ended; either way it must not be a user thread.
        Optional<Thread> preload = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("signer-preload")).findFirst();
        preload.ifPresent(t -> assertTrue(t.isDaemon(), "the preload thread must never keep a process alive"));
        done.get(60, TimeUnit.SECONDS);
        assertTrue(done.isDone() && !done.isCompletedExceptionally());
        assertNotNull(DSSSecurityProvider.getSecurityProvider(), "DSS still makes its own provider");
    }
}
