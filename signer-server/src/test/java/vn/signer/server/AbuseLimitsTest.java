package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.get;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.audit.AuditChain;
import vn.signer.report.Json;

/** Wrong keys and busy refusals cannot be used to guess keys or to grow the audit log without bound. */
@Tag("slow")
class AbuseLimitsTest {
    @TempDir
    Path dir;

    private List<JsonNode> audit() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            entries.add(Json.mapper().readTree(line));
        }
        return entries;
    }

    @Test
    void failedAuthenticationIsRateLimitedPerAddressAndItsAuditFolded() throws Exception {
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, false, "  requestsPerSecond: 1000\n  burst: 1000", ""))) {
            for (int i = 0; i < 10; i++) {
                assertError(get(server, "/v1/profiles", "wrong-" + i), 401, "UNAUTHORIZED");
            }
            // The eleventh failure in the minute: the address is blocked, the right key included, until the minute ends.
            for (int i = 0; i < 190; i++) {
                HttpResponse<byte[]> blocked = get(server, "/v1/profiles", i % 2 == 0 ? "wrong" : API_KEY);
                assertError(blocked, 429, "RATE_LIMITED");
                long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter > 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            }
            // Another address is not blocked.
            try (RawHttp other = new RawHttp(server, "127.0.0.2")) {
                other.send("GET /v1/profiles HTTP/1.1\r\nHost: x\r\nX-API-Key: " + API_KEY + "\r\n\r\n");
                assertEquals(200, other.read().status());
            }
        }
        // 200 refusals, within a few seconds, from one address: a few lines stand for them all.
        List<JsonNode> refusals = audit().stream().filter(e -> e.path("client").asText().equals("127.0.0.1")).toList();
        long stoodFor = refusals.stream().mapToLong(e -> e.path("repeated").asLong(0) + (e.has("repeated") ? 0 : 1)).sum();
        assertEquals(200, stoodFor, refusals.toString());
        assertTrue(refusals.size() <= 20, refusals.size() + " lines for 200 refusals");
        assertTrue(refusals.stream().anyMatch(e -> e.path("repeated").asLong() > 10), refusals.toString());
        assertTrue(AuditChain.verify(dir.resolve("audit.jsonl")).intact());
    }

    @Test
    void busyRefusalsAreAudited() throws Exception {
        String limits = "  maxConcurrentUploads: 1\n  minBodyBytesPerSecond: 0\n  requestsPerSecond: 1000\n  burst: 1000";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            // One upload that never ends takes the one admission slot.
            try (RawHttp slow = new RawHttp(server, "127.0.0.2")) {
                slow.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: 100000\r\n\r\n%");
                Thread.sleep(500);
                for (int i = 0; i < 3; i++) {
                    assertError(post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null), 503, "BUSY");
                }
            }
        }
        List<JsonNode> busy = audit().stream().filter(e -> e.path("outcome").asText().equals("BUSY")).toList();
        assertTrue(!busy.isEmpty(), "BUSY refusals are audited");
        assertEquals(3, busy.stream().mapToLong(e -> e.has("repeated") ? e.path("repeated").asLong() : 1).sum(), busy.toString());
    }
}
