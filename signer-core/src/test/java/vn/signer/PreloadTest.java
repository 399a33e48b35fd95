package vn.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PreloadTest {
    @Test
    void theWorkIsDoneOnADaemonThreadThatEnds() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = Preload.thread(done);
        // Looked at before it starts: a thread that has already ended could not be checked at all.
        assertTrue(thread.isDaemon(), "the preload thread must never keep a process alive");
        assertEquals("signer-preload", thread.getName());
        assertFalse(done.isDone());
        thread.start();
        done.get(60, TimeUnit.SECONDS); // throws when the provider could not be set up
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(thread.isAlive());
    }

    @Test
    void startingReturnsAtOnceWithTheWorksCompletion() throws Exception {
        CompletableFuture<Void> done = Preload.startInBackground();
        done.get(60, TimeUnit.SECONDS);
        assertFalse(done.isCompletedExceptionally());
    }
}
