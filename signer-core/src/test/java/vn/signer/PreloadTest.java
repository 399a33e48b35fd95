package vn.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.spi.DSSSecurityProvider;
import java.security.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PreloadTest {
    @Test
    void setsUpDssProviderOnADaemonThread() throws Exception {
        CompletableFuture<Void> done = Preload.startInBackground();
        boolean daemon = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("signer-preload")).allMatch(Thread::isDaemon);
        done.get(60, TimeUnit.SECONDS);

        assertTrue(daemon, "the preload thread must never keep a process alive");
        Provider provider = DSSSecurityProvider.getSecurityProvider();
        assertEquals("BC", provider.getName());
        assertSame(provider, DSSSecurityProvider.getSecurityProvider(), "made once, then reused");
    }
}
