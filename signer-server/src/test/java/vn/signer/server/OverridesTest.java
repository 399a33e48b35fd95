package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;

/** Text overrides reach the signature exactly as sent, NFC, or are refused naming the parameter: never altered or dropped. */
class OverridesTest {
    @TempDir
    static Path dir;
    static SignerServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start(dir, TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", "")
                .replace("allowOverride: [reason, location]", "allowOverride: [reason, location, contactInfo]"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> sign(String query) {
        return post(server, "/v1/sign?profile=organisation&" + query, "application/pdf", bytes(SAMPLE_PDF), API_KEY);
    }

    @Test
    void textOverridesWithControlsBidiOrBadEncodingsAre400NamingTheParameter() throws Exception {
        String[] bad = {
            "%ZZ", "abc%", "%4", "%C3%28", "%FF", "%ED%A0%80", // not a percent-encoding; not UTF-8 (a lone surrogate too)
            "a%00b", "a%0Db", "a%0Ab", "a%09b", "a%1Bb", "a%7Fb", "a%C2%85b", "a%C2%9Fb", // C0, DEL, C1
            "a%D8%9Cb", "a%E2%80%8Eb", "a%E2%80%8Fb", "a%E2%80%AAb", "a%E2%80%AEb", "a%E2%81%A6b", "a%E2%81%A9b", // bidi
            "a%E2%80%A8b" // line separator
        };
        for (String parameter : new String[] {"reason", "location", "contactInfo"}) {
            for (String value : bad) {
                RawHttp.Answer answer = rawSign(parameter + "=" + value);
                assertEquals(400, answer.status(), value + ": " + answer.body());
                JsonNode body = Json.mapper().readTree(answer.body());
                assertEquals("BAD_REQUEST", body.path("error").asText(), answer.body());
                assertTrue(body.path("message").asText().contains("'" + parameter + "'"), value + ": " + answer.body());
            }
        }
        assertError(sign("reason=a&reason=b"), 400, "BAD_REQUEST");
    }

    /** Signs with {@code query} as sent, which java.net.URI would refuse to build (%ZZ). */
    private static RawHttp.Answer rawSign(String query) throws Exception {
        byte[] pdf = bytes(SAMPLE_PDF);
        try (RawHttp client = new RawHttp(server, "127.0.0.1")) {
            client.send("POST /v1/sign?profile=organisation&" + query + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + API_KEY
                    + "\r\nContent-Type: application/pdf\r\nContent-Length: " + pdf.length + "\r\n\r\n");
            client.send(pdf);
            return client.read();
        }
    }

    @Test
    void textIsSignedNfcNormalised() throws Exception {
        // "Phê duyệt" and "Hà Nội" sent decomposed (e + combining circumflex, ...): signed composed.
        String reason = "Phe\u0302 duye\u0323\u0302t";
        String location = "Ha\u0300 No\u0323\u0302i";
        HttpResponse<byte[]> response = sign("reason=" + encode(reason) + "&location=" + encode(location) + "&contactInfo=van-thu%40so.gov.vn");
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            var signature = document.getLastSignatureDictionary();
            assertEquals("Phê duyệt", signature.getReason());
            assertEquals("Hà Nội", signature.getLocation());
            assertEquals("van-thu@so.gov.vn", signature.getContactInfo());
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
