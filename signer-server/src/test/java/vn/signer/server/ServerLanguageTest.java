package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;
import static vn.signer.testing.ReportFacts.withoutMessages;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;

/** The server answers in the caller's language: ?lang= first, then Accept-Language, else English. */
class ServerLanguageTest {
    @TempDir
    static Path dir;
    static SignerServer server;
    static byte[] tampered;

    @BeforeAll
    static void start() {
        server = TestServers.start(dir, TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", ""));
        HttpResponse<byte[]> signed = post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        tampered = signed.body();
        // A byte of the first content stream, well inside what the signature covers.
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("stream\n") + 507;
        tampered[at] ^= 0x01;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> verify(String query, String acceptLanguage) {
        HttpRequest.Builder request = TestServers.request(server, "/v1/verify" + query).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tampered));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return TestServers.send(request.build());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static String language(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Language").orElse(null);
    }

    @Test
    void theReportIsInTheLanguageOfAcceptLanguageWithTheSameFacts() throws IOException {
        HttpResponse<byte[]> english = verify("", null);
        HttpResponse<byte[]> vietnamese = verify("", "vi-VN,vi;q=0.9,en;q=0.5");
        assertEquals(200, english.statusCode());
        assertEquals("en", language(english));
        assertEquals("vi", language(vietnamese));
        List<String> en = new ArrayList<>();
        List<String> vi = new ArrayList<>();
        assertEquals(withoutMessages(json(english), en), withoutMessages(json(vietnamese), vi));
        assertTrue(en.stream().anyMatch(m -> m.contains("changed after signing")), en.toString());
        assertTrue(vi.stream().anyMatch(m -> m.contains("bị thay đổi sau khi ký")), vi.toString());
    }

    @Test
    void langInTheQueryWinsOverTheHeader() throws IOException {
        HttpResponse<byte[]> response = verify("?lang=en", "vi");
        assertEquals("en", language(response));
        List<String> messages = new ArrayList<>();
        withoutMessages(json(response), messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("changed after signing")), messages.toString());
    }

    @Test
    void aBadLangIsA400InJson() throws IOException {
        HttpResponse<byte[]> response = verify("?lang=fr", "vi");
        assertEquals(400, response.statusCode());
        assertEquals("BAD_REQUEST", json(response).path("error").asText());
        assertEquals("lang phải là vi hoặc en", json(response).path("message").asText(), "in the header's language");
        assertEquals("vi", language(response));
    }

    @Test
    void errorsAreInTheCallersLanguage() throws IOException {
        HttpResponse<byte[]> english = verify("?trust=nonesuch", null);
        HttpResponse<byte[]> vietnamese = verify("?trust=nonesuch&lang=vi", null);
        assertEquals(400, vietnamese.statusCode());
        assertEquals(json(english).path("error"), json(vietnamese).path("error"));
        assertTrue(json(english).path("message").asText().startsWith("no trust profile 'nonesuch'"), english.toString());
        assertTrue(json(vietnamese).path("message").asText().startsWith("không có hồ sơ tin cậy 'nonesuch'"),
                new String(vietnamese.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> notFound = TestServers.send(TestServers.request(server, "/v2/nothing")
                .header("Accept-Language", "vi").GET().build());
        assertEquals(404, notFound.statusCode());
        assertNotEquals(-1, json(notFound).path("message").asText().indexOf("không có điểm cuối"), notFound.toString());
        assertEquals("vi", language(notFound));
    }
}
