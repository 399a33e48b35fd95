package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Tools;

/**
 * bin/signer-server stopped as systemd stops it: SIGTERM, then the graceful drain and the tokens
 * logged out, then exit 0 within the grace period (Java's own SIGTERM exit, 143, reads as a failure).
 */
class ShutdownIT {
    private static final Path SERVER = Tools.repo().resolve("bin/signer-server");
    private static final Path JAR = Tools.repo().resolve("signer-server/target/signer-server.jar");
    private static final int GRACE_SECONDS = 5;

    @TempDir
    Path dir;

    @BeforeAll
    static void theJarIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is not built: run 'mvn verify' (or 'mvn package' before this test)");
    }

    @Test
    void sigtermDrainsAndExitsZero() throws Exception {
        Path config = Files.writeString(dir.resolve("server.yaml"),
                TestServers.yaml(dir, true, "  shutdownGraceSeconds: " + GRACE_SECONDS, ""));
        Process server = new ProcessBuilder(SERVER.toString(), "--config", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    log.add(line);
                    if (line.contains("signer-server listening on")) {
                        listening.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                log.add("reading the log failed: " + e);
            }
        }, "server log");
        reader.start();
        try {
            assertTrue(listening.await(60, TimeUnit.SECONDS), "the server did not start: " + log);
            // Not Process.destroy(), which sends SIGTERM too but closes the log stream this test reads.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
            assertTrue(server.waitFor(GRACE_SECONDS + 10, TimeUnit.SECONDS), "still running after SIGTERM: " + log);
            reader.join(5_000);
            assertEquals(0, server.exitValue(), String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.contains("signer-server stopped; tokens logged out")), String.join("\n", log));
        } finally {
            server.destroyForcibly();
        }
    }
}
