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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;

/** What clients send wrong, down to HTTP itself, is a JSON 4xx, counted and audited: never a 500 or Jetty's HTML page. */
@Tag("slow")
class EdgeErrorsTest {
    @TempDir
    static Path dir;
    static SignerServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start(dir, TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] form(String boundary, int extraFields, boolean closed) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < extraFields; i++) {
            fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"f").append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        byte[] document = TestServers.multipart(boundary, "a.pdf", bytes(SAMPLE_PDF));
        byte[] head = fields.toString().getBytes(StandardCharsets.US_ASCII);
        int length = closed ? document.length : document.length / 2;
        byte[] all = new byte[head.length + length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(document, 0, all, head.length, length);
        return all;
    }

    @Test
    void malformedMultipartIs400() {
        byte[] good = form("b", 0, true);
        assertError(post(server, "/v1/verify", "multipart/form-data", good, null), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/verify", "multipart/form-data; boundary=zzz", good, null), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", form("b", 0, false), null), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", form("b", 1000, true), null), 400, "BAD_REQUEST");
        // Sixteen parts is the most a form may have: the document and fifteen fields pass, one more does not.
        assertEquals(200, post(server, "/v1/verify", "multipart/form-data; boundary=b", form("b", 15, true), null).statusCode());
        assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", form("b", 16, true), null), 400, "BAD_REQUEST");
    }

    @Test
    void aBadContentTypeParameterIs415() {
        for (String type : new String[] {"application/pdf; charset=../../x", "application/pdf; charset=no-such-charset",
                                         "application/pdf; junk", "multipart/form-data; boundary=b; charset=../../x"}) {
            assertError(post(server, "/v1/verify", type, bytes(SAMPLE_PDF), null), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        assertEquals(200, post(server, "/v1/verify", "application/pdf; charset=UTF-8", bytes(SAMPLE_PDF), null).statusCode());
    }

    @Test
    void xmlNestedTooDeeplyIsA4xxCountedAndAudited() throws Exception {
        // 100,000 levels overflowed the stack inside DSS (an empty 500, unaudited, uncounted). The core's
        // parser may refuse it first (400); either way it is a JSON answer, audited and counted.
        byte[] deep = ("<a>".repeat(100_000) + "</a>".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> signed = post(server, "/v1/sign?profile=organisation", "application/xml", deep, API_KEY);
        String code = SignerServerTest.json(signed).path("error").asText();
        assertTrue(signed.statusCode() == 422 && code.equals("TOO_COMPLEX") || signed.statusCode() == 400 && code.equals("BAD_INPUT"),
                signed.statusCode() + " " + new String(signed.body(), StandardCharsets.UTF_8));
        assertError(signed, signed.statusCode(), code);
        assertTrue(metrics().contains("signer_errors_total{kind=\"" + code + "\"}"), code);
        assertTrue(auditHas("/v1/sign", code), code);
        // The server carries on.
        assertEquals(200, post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), API_KEY).statusCode());
    }

    @Test
    void jettysOwnRefusalsAreJsonCountedAndAudited() throws Exception {
        record Case(String request, int status, String code) {
        }
        Case[] cases = {
            new Case("GET /he\u0001alth HTTP/1.1\r\nHost: x\r\n\r\n", 400, "BAD_REQUEST"),
            new Case("GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400, "BAD_REQUEST"),
            new Case("GET /health?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "URI_TOO_LONG"),
            new Case("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431, "HEADERS_TOO_LARGE"),
        };
        for (Case c : cases) {
            try (RawHttp client = new RawHttp(server, "127.0.0.1")) {
                client.send(c.request());
                RawHttp.Answer answer = client.read();
                assertEquals(c.status(), answer.status(), answer.headers() + answer.body());
                assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.headers());
                JsonNode body = Json.mapper().readTree(answer.body());
                assertEquals(c.code(), body.path("error").asText(), answer.body());
                assertTrue(body.path("message").isTextual(), answer.body());
            }
            assertTrue(metrics().contains("signer_errors_total{kind=\"" + c.code() + "\"}"), c.code());
            assertTrue(auditHas("http " + c.status(), c.code()), c.code());
        }
    }

    private static String metrics() {
        return new String(get(server, "/metrics", null).body(), StandardCharsets.UTF_8);
    }

    /** Whether the audit log has a line for {@code action} with {@code outcome}, once folded lines are written. */
    private static boolean auditHas(String action, String outcome) throws Exception {
        for (int i = 0; i < 30; i++) {
            for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
                JsonNode entry = Json.mapper().readTree(line);
                if (entry.path("action").asText().equals(action) && entry.path("outcome").asText().equals(outcome)) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
