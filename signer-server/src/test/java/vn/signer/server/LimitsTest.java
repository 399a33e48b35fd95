package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.SignerServerTest.json;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.get;
import static vn.signer.server.TestServers.post;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size and rate limits, closed verification, an unreachable TSA, and shutdown. */
@Tag("slow")
class LimitsTest {
    @TempDir
    Path dir;

    private static final String TIMESTAMPED = """
              timestamped:
                pkcs12: {file: %s}
                pin: {file: %s}
                level: T
                tsa: [http://127.0.0.1:9/tsa]
                trust: demo
            """.formatted(vn.signer.testing.DemoPki.organisationP12(), vn.signer.testing.DemoPki.file("demo-password.txt"));

    @Test
    void limitsAndRefusals() {
        String limits = "  maxRequestBytes: 100000\n  requestsPerSecond: 0.01\n  burst: 4";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, false, limits, TIMESTAMPED))) {
            // Verification is keyed here.
            assertError(post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null), 401, "UNAUTHORIZED");
            // Larger than 100,000 bytes, by Content-Length and as multipart.
            byte[] big = new byte[200_000];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
            assertError(post(server, "/v1/verify", "application/pdf", big, API_KEY), 413, "TOO_LARGE");
            assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", TestServers.multipart("b", "big.pdf", big), API_KEY),
                    413, "TOO_LARGE");
            // Two of the burst of four are spent; the fifth request is over the rate.
            assertEquals(200, post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), API_KEY).statusCode());
            assertEquals(200, get(server, "/v1/profiles", API_KEY).statusCode());
            HttpResponse<byte[]> limited = get(server, "/v1/profiles", API_KEY);
            assertError(limited, 429, "RATE_LIMITED");
            assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
            // Another client has its own bucket.
            assertEquals(200, get(server, "/v1/profiles", TestServers.OTHER_KEY).statusCode());
            // Health and readiness are never rate-limited; a TSA that does not answer makes the server not ready.
            HttpResponse<byte[]> ready = get(server, "/ready", null);
            assertEquals(503, ready.statusCode());
            assertTrue(json(ready).toString().contains("does not answer"), json(ready).toString());
        }
    }

    @Test
    void aBodyDeclaredOverTheLimitIsAnswered413NotCutOff() {
        // Refused by its Content-Length before a byte is read: unless the server reads the rest of a body
        // this small, closing the connection under the client's feet often resets it, answer and all
        // (about one request in five here before it did).
        String limits = "  maxRequestBytes: 100000\n  requestsPerSecond: 100000\n  burst: 100000";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            byte[] big = new byte[200_000];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
            for (int i = 0; i < 50; i++) {
                assertError(post(server, "/v1/verify", "application/pdf", big, null), 413, "TOO_LARGE");
                assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", TestServers.multipart("b", "big.pdf", big),
                        null), 413, "TOO_LARGE");
            }
        }
    }

    @Test
    void aTsaThatDoesNotAnswerIs503AndAudited() throws Exception {
        String yaml = TestServers.yaml(dir, true, "", TIMESTAMPED).replace("profiles: [organisation]", "profiles: [organisation, timestamped]");
        try (SignerServer server = TestServers.start(dir, yaml)) {
            assertError(post(server, "/v1/sign?profile=timestamped", "application/pdf", bytes(SAMPLE_PDF), API_KEY),
                    503, "TIMESTAMP_FAILED");
        }
        String audit = java.nio.file.Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(audit.contains("\"profile\":\"timestamped\"") && audit.contains("TIMESTAMP_FAILED"), audit);
    }

    @Test
    void aBodyWithoutContentLengthIsCutOffAtTheLimitInMemoryAndOnDisk() throws Exception {
        // A chunked body declares no size: under a 100,000-byte limit it is refused while read into
        // memory; under a 5,000,000-byte limit (above the 4 MiB kept in memory) while streamed to a file.
        for (long limit : new long[] {100_000, 5_000_000}) {
            String limits = "  maxRequestBytes: " + limit + "\n  requestsPerSecond: 1000\n  burst: 1000";
            try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
                for (long size : new long[] {limit + 1, limit + 1_000_000}) {
                    byte[] body = new byte[(int) size];
                    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);
                    HttpRequest chunked = TestServers.request(server, "/v1/verify").header("Content-Type", "application/pdf")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
                    assertError(TestServers.send(chunked), 413, "TOO_LARGE");
                }
                try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
                    assertEquals(List.of(), left.toList(), "nothing is left of refused bodies");
                }
            }
        }
    }

    @Test
    void afterShutdownNothingAnswers() {
        SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, "", ""));
        assertEquals(200, get(server, "/health", null).statusCode());
        java.net.http.HttpRequest health = TestServers.request(server, "/health").GET().build();
        server.close();
        assertThrows(UncheckedIOException.class, () -> TestServers.send(health));
    }
}
