package vn.signer.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.Tools;

/**
 * Fuzzes the reading of the server's YAML configuration from the seeds in
 * {@code ServerConfigFuzzTestInputs/load} (the demo configuration, TLS, token and client variants).
 * Any file must give a configuration or a USAGE error with a message naming the problem, never
 * another exception (which would reach the operator as a stack trace and exit code 70), and in seconds.
 */
@Tag("fuzz")
class ServerConfigFuzzTest {
    /** Reading a configuration takes milliseconds; JUnit's @Timeout would bound the whole fuzzing run instead. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static Path file;

    @BeforeAll
    static void folder() throws IOException {
        file = Files.createTempDirectory("signer-config-fuzz").resolve("server.yaml");
        // Loads Jackson and SnakeYAML (and, while fuzzing, has Jazzer instrument them: 17 s in the
        // first campaign) before any input is timed.
        ServerConfig.load(Tools.sample("server.yaml"));
    }

    @FuzzTest(maxDuration = "5s")
    void load(byte[] input) throws IOException {
        Files.write(file, input);
        long start = System.nanoTime();
        try {
            ServerConfig.load(file);
        } catch (SignerException e) {
            assertEquals(ErrorCode.USAGE, e.code(), e::getMessage);
            assertFalse(e.getMessage().isBlank(), "a configuration error without a message");
        }
        Duration taken = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(taken.compareTo(TIME_LIMIT) <= 0, () -> "took " + taken + ", over " + TIME_LIMIT);
    }
}
