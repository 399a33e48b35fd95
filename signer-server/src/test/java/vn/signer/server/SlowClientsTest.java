package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;

/** Clients that send their bodies a byte at a time: they neither starve others nor hold the server for ever. */
@Tag("slow")
class SlowClientsTest {
    @TempDir
    Path dir;

    private static String chunkedUpload(String contentType) {
        return "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    @Test
    void slowUploadsDoNotStarveVerification() throws Exception {
        // Two work slots and four uploads trickling a byte a second from 127.0.0.2: before, each held a
        // work slot while its body arrived, and every honest request got 503.
        String limits = """
                  maxConcurrentRequests: 2
                  maxConcurrentUploads: 10
                  maxRequestsPerAddress: 4
                  minBodyBytesPerSecond: 0
                  requestsPerSecond: 1000
                  burst: 1000""".indent(2);
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            List<RawHttp> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    RawHttp client = new RawHttp(server, "127.0.0.2");
                    client.send(chunkedUpload("application/pdf") + chunk("%"));
                    slow.add(client);
                }
                // One of the five from that address (whichever Jetty dispatched last) is over its share of four.
                Thread.sleep(3000);
                List<RawHttp> answered = new ArrayList<>();
                for (RawHttp client : slow) {
                    if (client.available()) {
                        answered.add(client);
                    }
                }
                assertEquals(1, answered.size(), "one upload refused");
                RawHttp.Answer refused = answered.get(0).read();
                assertEquals(429, refused.status(), refused.body());
                assertEquals("RATE_LIMITED", Json.mapper().readTree(refused.body()).path("error").asText());
                slow.removeAll(answered);
                answered.get(0).close();
                for (int second = 0; second < 3; second++) {
                    for (RawHttp client : slow) {
                        client.send(chunk("P"));
                    }
                    long start = System.nanoTime();
                    HttpResponse<byte[]> honest = post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null);
                    assertEquals(200, honest.statusCode(), new String(honest.body()));
                    assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered within a few seconds");
                    Thread.sleep(1000);
                }
            } finally {
                for (RawHttp client : slow) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aTrickleIsAnswered408AndItsConnectionClosed() throws Exception {
        String limits = """
                  bodyDeadlineSeconds: 4
                  minBodyBytesPerSecond: 100
                  bodyGraceSeconds: 2
                  requestsPerSecond: 1000
                  burst: 1000""".indent(2);
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            // A byte a second, raw and as a multipart form (which Jetty reads itself): under the rate once the grace is over.
            for (String type : new String[] {"application/pdf", "multipart/form-data; boundary=b"}) {
                try (RawHttp client = new RawHttp(server, "127.0.0.1")) {
                    long start = System.nanoTime();
                    client.send(chunkedUpload(type));
                    RawHttp.Answer answer = trickle(client, "%PDF-1.7\n", 1000);
                    assertEquals(408, answer.status(), answer.body());
                    JsonNode body = Json.mapper().readTree(answer.body());
                    assertEquals("REQUEST_TIMEOUT", body.path("error").asText());
                    assertTrue(body.path("message").asText().contains("slower than 100 bytes per second"), answer.body());
                    assertTrue(System.nanoTime() - start < 6_000_000_000L, "refused soon after the grace period");
                    assertTrue(client.closedByServer(), "the connection is closed with the answer");
                }
            }
            // Fast enough, but not done by the deadline: 4.5 MB at once (spooled to a file), then 400 bytes a second.
            try (RawHttp client = new RawHttp(server, "127.0.0.1")) {
                client.send(chunkedUpload("application/pdf"));
                byte[] start = new byte[4_500_000];
                System.arraycopy("%PDF-1.7\n".getBytes(), 0, start, 0, 9);
                client.send((Integer.toHexString(start.length) + "\r\n").getBytes());
                client.send(start);
                client.send("\r\n");
                RawHttp.Answer answer = trickle(client, "x".repeat(200), 500);
                assertEquals(408, answer.status(), answer.body());
                assertTrue(answer.body().contains("did not arrive within 4 s"), answer.body());
                assertTrue(client.closedByServer(), "the connection is closed with the answer");
            }
            try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
                assertEquals(List.of(), left.toList(), "nothing is left of the bodies refused");
            }
        }
    }

    @Test
    void aBodyThatStopsIsAnswered408() throws Exception {
        // No minimum rate here: the connection's idle timeout is what ends the wait (it was a 400 before).
        String limits = "  idleTimeoutSeconds: 1\n  minBodyBytesPerSecond: 0\n";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""));
             RawHttp client = new RawHttp(server, "127.0.0.1")) {
            client.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: 10000\r\n\r\n%PDF-1.7\n");
            RawHttp.Answer answer = client.read();
            assertEquals(408, answer.status(), answer.body());
            assertEquals("REQUEST_TIMEOUT", Json.mapper().readTree(answer.body()).path("error").asText());
            assertTrue(answer.body().contains("stopped arriving"), answer.body());
        }
    }

    @Test
    void connectionsAreCapped() throws Exception {
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, "  maxConnections: 3\n", ""))) {
            List<RawHttp> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    idle.add(new RawHttp(server, "127.0.0.2"));
                }
                // The fourth is accepted only once one of the three closes.
                try (RawHttp fourth = new RawHttp(server, "127.0.0.1")) {
                    fourth.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                    Thread.sleep(1000);
                    assertTrue(!fourth.available(), "not answered while three connections are open");
                    idle.remove(0).close();
                    assertEquals(200, fourth.read().status());
                }
            } finally {
                for (RawHttp client : idle) {
                    client.close();
                }
            }
        }
    }

    /** Sends {@code data} as a chunk every {@code millis} until the server answers. */
    private static RawHttp.Answer trickle(RawHttp client, String data, long millis) throws Exception {
        for (int i = 0; i < 30; i++) {
            try {
                client.send(chunk(data));
            } catch (IOException closed) {
                return client.read();
            }
            Thread.sleep(millis);
            if (client.available()) {
                return client.read();
            }
        }
        throw new AssertionError("no answer to a trickling body");
    }
}
