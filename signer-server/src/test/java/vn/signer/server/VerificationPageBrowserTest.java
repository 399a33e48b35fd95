package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.BrowserScript;
import vn.signer.testing.DemoPki;
import vn.signer.testing.DetachedSamples;
import vn.signer.testing.Tools;
import vn.signer.testing.VerdictSamples;

/**
 * The verification page in Debian's chromium (browser-tests/verification-page.mjs): the four verdicts,
 * English, the card and the timeline, keyboard only, JavaScript off, no console or CSP error, no request
 * elsewhere, a 375 px phone; a detached XML signature with its content, without and with it changed. Screenshots are kept in signer-server/target/browser-screenshots/page.
 */
@Tag("native")
@Tag("browser")
@Tag("slow")
class VerificationPageBrowserTest {

    @Test
    void thePageWorksInABrowser(@TempDir Path dir) throws IOException {
        VerdictSamples samples = VerdictSamples.write(dir.resolve("samples"));
        DetachedSamples detached = DetachedSamples.write(dir.resolve("detached"));
        Path shots = Files.createDirectories(Tools.repo().resolve("signer-server/target/browser-screenshots/page"));
        String yaml = TestServers.withPage(TestServers.yaml(dir, false, "  requestsPerSecond: 1000\n  burst: 1000", ""), "/");
        try (SignerServer server = TestServers.start(dir, yaml)) {
            Tools.Result result = BrowserScript.pass("verification-page.mjs", Map.of(
                    "PAGE_URL", "http://127.0.0.1:" + server.port() + "/",
                    "VALID", samples.valid().toString(), "TAMPERED", samples.tampered().toString(),
                    "UNTRUSTED", samples.untrusted().toString(), "UNSIGNED", samples.unsigned().toString(),
                    "SCREENSHOTS", shots.toString(), "SIGNER", DemoPki.OFFICER_NAME,
                    "DETACHED_SIGNATURE", detached.signature().toString(), "DETACHED_CONTENT", detached.content().toString(),
                    "DETACHED_CHANGED", detached.changed().toString()), Duration.ofMinutes(5));
            assertTrue(result.stdout().contains("ok the whole flow by keyboard"), result.all());
            assertTrue(result.stdout().contains("ok no horizontal scroll at 375 px"), result.all());
            assertTrue(result.stdout().contains("ok detached XML in vi") && result.stdout().contains("ok detached XML in en"), result.all());
            assertTrue(result.stdout().contains("ok a detached signature and its content by keyboard"), result.all());
        }
        assertTrue(Files.exists(shots.resolve("valid-vi.png")), "the screenshots are kept");
    }
}
