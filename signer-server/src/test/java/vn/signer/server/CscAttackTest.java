package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.CscServiceTest.SHA256;
import static vn.signer.server.CscServiceTest.SHA256_WITH_RSA;
import static vn.signer.server.CscServiceTest.assertCscError;
import static vn.signer.server.CscServiceTest.b64;
import static vn.signer.server.CscServiceTest.sha256;
import static vn.signer.server.SignerServerTest.json;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.OTHER_KEY;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.server.config.ServerConfig;

/**
 * An attacker's try at the server's CSC face, from the CSC v2.0 specification and OAuth 2.0 habits:
 * another client's SAD, a SAD used for more, other or repeated hashes, numSignatures out of range,
 * hashes that are not base64 or not of their algorithm's length, a signAlgo the key does not sign
 * with, duplicate JSON keys, bodies that are not objects or nest deeply, bearer-token tricks, a
 * profile not offered over CSC, CORS from an origin not configured, and the audit: every hash signed
 * once, nothing for a refusal. No error answer shows the server's insides.
 */
class CscAttackTest {
    @TempDir
    static Path dir;
    static SplitSigningTest.MovableClock clock = new SplitSigningTest.MovableClock();
    static SignerServer server;

    @BeforeAll
    static void start() throws Exception {
        // portal may use organisation too, so that it can try dms's SADs on a credential it has.
        String yaml = CscServiceTest.yaml(dir, 5, 60).replace("profiles: [officer]", "profiles: [officer, organisation]")
                .replace("  burst: 1000", "  burst: 1000\n  maxFailedAuthPerMinute: 100");
        Files.writeString(dir.resolve("server.yaml"), yaml, StandardCharsets.UTF_8);
        server = SignerServer.start(ServerConfig.load(dir.resolve("server.yaml")), clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> raw(String method, String authorization, String contentType, String body) {
        HttpRequest.Builder request = TestServers.request(server, "/csc/v2/" + method).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServers.send(request.build());
    }

    static HttpResponse<byte[]> call(String method, Object body) {
        return raw(method, "Bearer " + API_KEY, "application/json", Json.line(body));
    }

    static Map<String, Object> authorizeBody(Object numSignatures, Object hashes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", "organisation");
        body.put("numSignatures", numSignatures);
        body.put("hashes", hashes);
        body.put("hashAlgorithmOID", SHA256);
        return body;
    }

    static Map<String, Object> signHashBody(String sad, Object hashes, String signAlgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", "organisation");
        body.put("SAD", sad);
        body.put("hashes", hashes);
        body.put("hashAlgorithmOID", SHA256);
        body.put("signAlgo", signAlgo);
        return body;
    }

    static String sad(String apiKey, byte[]... hashes) {
        HttpResponse<byte[]> answer = raw("credentials/authorize", "Bearer " + apiKey, "application/json",
                Json.line(authorizeBody(hashes.length, b64(hashes))));
        assertEquals(200, answer.statusCode(), text(answer));
        return json(answer).path("SAD").asText();
    }

    static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    /** A refusal in the CSC form that says nothing of the server's insides. */
    static void assertRefused(HttpResponse<byte[]> answer, int status, String error) {
        assertCscError(answer, status, error);
        String body = text(answer);
        for (String inside : List.of("Exception", "vn.signer", "jackson", "at line", "java.", "\tat ")) {
            assertFalse(body.contains(inside), body);
        }
    }

    @Test
    void numSignaturesOutOfRangeOrNotAWholeNumberIsRefused() throws Exception {
        List<String> one = b64(sha256("n"));
        for (Object count : new Object[] {0, -1, 2147483648L, 1.5, "1", 6, null}) {
            assertRefused(call("credentials/authorize", authorizeBody(count, one)), 400, "invalid_request");
        }
        // numSignatures 2 for one hash, or one hash twice.
        assertRefused(call("credentials/authorize", authorizeBody(2, one)), 400, "invalid_request");
        assertRefused(call("credentials/authorize", authorizeBody(2, List.of(one.get(0), one.get(0)))), 400, "invalid_request");
    }

    @Test
    void hashesThatAreNotBase64OrNotOfTheirLengthAreRefused() throws Exception {
        for (Object hashes : new Object[] {List.of("!!!!"), List.of(5), List.of(Map.of("a", 1)), "not an array", List.of(),
                List.of(HexFormat.of().formatHex(sha256("hex, not base64"))), b64(new byte[33]), b64(new byte[48])}) {
            assertRefused(call("credentials/authorize", authorizeBody(1, hashes)), 400, "invalid_request");
        }
    }

    @Test
    void aHugeArrayIsRefusedAsTooLarge() {
        String hashes = ("\"" + "A".repeat(43) + "=\",").repeat(8000);
        HttpResponse<byte[]> answer = raw("credentials/authorize", "Bearer " + API_KEY, "application/json",
                "{\"credentialID\":\"organisation\",\"numSignatures\":8000,\"hashAlgorithmOID\":\"" + SHA256 + "\",\"hashes\":["
                        + hashes.substring(0, hashes.length() - 1) + "]}");
        assertRefused(answer, 413, "invalid_request");
    }

    @Test
    void aSadSignsNeitherMoreNorOtherNorRepeatedHashesNorForAnotherClient() throws Exception {
        byte[] one = sha256("granted one");
        byte[] two = sha256("granted two");
        String sad = sad(API_KEY, one);
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(one, two), SHA256_WITH_RSA)), 400, "invalid_sad");
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(two), SHA256_WITH_RSA)), 400, "invalid_sad");
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(one, one), SHA256_WITH_RSA)), 400, "invalid_sad");
        HttpResponse<byte[]> other = raw("signatures/signHash", "Bearer " + OTHER_KEY, "application/json",
                Json.line(signHashBody(sad, b64(one), SHA256_WITH_RSA)));
        assertRefused(other, 400, "invalid_sad");
        assertRefused(call("signatures/signHash", signHashBody("A" + sad.substring(1), b64(one), SHA256_WITH_RSA)), 400, "invalid_sad");
        // None of that spent it; replayed once signed, it signs nothing more.
        assertEquals(200, call("signatures/signHash", signHashBody(sad, b64(one), SHA256_WITH_RSA)).statusCode());
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(one), SHA256_WITH_RSA)), 400, "invalid_sad");
    }

    @Test
    void aSignAlgoTheKeyDoesNotSignWithIsRefused() throws Exception {
        byte[] hash = sha256("algo");
        String sad = sad(API_KEY, hash);
        for (String signAlgo : new String[] {"1.2.840.113549.1.1.10", "1.2.840.10045.4.3.2", "1.2.840.10045.2.1",
                "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.5", ""}) {
            assertRefused(call("signatures/signHash", signHashBody(sad, b64(hash), signAlgo)), 400, "invalid_request");
        }
        Map<String, Object> async = signHashBody(sad, b64(hash), SHA256_WITH_RSA);
        async.put("operationMode", "A");
        assertRefused(call("signatures/signHash", async), 400, "invalid_request");
        // The SAD was not spent by any of them.
        assertEquals(200, call("signatures/signHash", signHashBody(sad, b64(hash), SHA256_WITH_RSA)).statusCode());
    }

    @Test
    void bodiesThatAreNoObjectOrNestDeeplyOrRepeatAKeyAreRefused() throws Exception {
        for (String body : List.of("[]", "\"x\"", "{\"credentialID\":", "{]", "[".repeat(100_000), "{\"a\":".repeat(20_000))) {
            assertRefused(raw("credentials/info", "Bearer " + API_KEY, "application/json", body), 400, "invalid_request");
        }
        // Which credentialID counts? Neither: a gateway reading the first and signer the last would disagree.
        assertRefused(raw("credentials/info", "Bearer " + API_KEY, "application/json",
                "{\"credentialID\":\"officer\",\"credentialID\":\"organisation\"}"), 400, "invalid_request");
    }

    @Test
    void bearerTokenTricksAreRefused() {
        String body = "{\"credentialID\":\"organisation\"}";
        assertEquals(200, raw("credentials/info", "bearer " + API_KEY, "application/json", body).statusCode(),
                "the scheme is case-insensitive (RFC 7235)");
        assertEquals(200, raw("credentials/info", "Bearer   " + API_KEY + " ", "application/json", body).statusCode());
        for (String authorization : new String[] {"Bearer" + API_KEY, "Basic " + API_KEY, API_KEY, "Bearer " + API_KEY.toUpperCase(Locale.ROOT),
                "Bearer " + API_KEY + "x", "Bearer " + API_KEY + " " + API_KEY, "Bearer "}) {
            HttpResponse<byte[]> answer = raw("credentials/info", authorization, "application/json", body);
            assertEquals(401, answer.statusCode(), authorization);
            assertRefused(answer, 401, "invalid_token");
        }
        HttpResponse<byte[]> query = TestServers.send(TestServers.request(server, "/csc/v2/credentials/info?access_token=" + API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertRefused(query, 401, "invalid_token");
        // Two Authorization headers: the first is the one read, the second never makes a refused one pass.
        HttpResponse<byte[]> two = TestServers.send(TestServers.request(server, "/csc/v2/credentials/info")
                .header("Content-Type", "application/json").header("Authorization", "Bearer wrong")
                .header("Authorization", "Bearer " + API_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertRefused(two, 401, "invalid_token");
    }

    @Test
    void aKeyDifferingOnlyInCaseIsRefusedOnTheConnectionThatSentTheKey() throws Exception {
        String body = "{\"credentialID\":\"organisation\"}";
        List<Integer> statuses = new java.util.ArrayList<>();
        try (RawHttp http = new RawHttp(server, "127.0.0.1")) {
            for (String authorization : new String[] {"Bearer " + API_KEY, "Bearer " + API_KEY.toUpperCase(Locale.ROOT),
                    "Bearer " + API_KEY.toLowerCase(Locale.ROOT), "BEARER " + API_KEY}) {
                http.send("POST /csc/v2/credentials/info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: " + authorization + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                statuses.add(http.read().status());
            }
        }
        assertEquals(List.of(200, 401, 401, 200), statuses);
    }

    @Test
    void aProfileNotOfferedOverCscIsNotReachable() {
        for (String method : List.of("credentials/info", "credentials/authorize", "signatures/signHash")) {
            HttpResponse<byte[]> answer = raw(method, "Bearer " + OTHER_KEY, "application/json",
                    Json.line(Map.of("credentialID", "officer", "numSignatures", 1, "hashes", b64(new byte[32]),
                            "hashAlgorithmOID", SHA256, "SAD", "x", "signAlgo", SHA256_WITH_RSA)));
            assertRefused(answer, 400, "invalid_request");
        }
        assertFalse(text(raw("credentials/list", "Bearer " + OTHER_KEY, "application/json", "{}")).contains("officer"));
    }

    @Test
    void anOriginNotConfiguredGetsNoCorsAnswer() {
        HttpResponse<byte[]> answer = TestServers.send(TestServers.request(server, "/csc/v2/credentials/list")
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + API_KEY).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertNull(answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<byte[]> preflight = TestServers.send(TestServers.request(server, "/csc/v2/signatures/signHash")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertTrue(preflight.statusCode() >= 400, preflight.statusCode() + " " + text(preflight));
        assertNull(preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void everyHashSignedIsAuditedOnceAndARefusalSignsNothing() throws Exception {
        byte[][] hashes = {sha256("audit 1"), sha256("audit 2"), sha256("audit 3")};
        String sad = sad(API_KEY, hashes);
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(sha256("audit 4")), SHA256_WITH_RSA)), 400, "invalid_sad");
        assertEquals(200, call("signatures/signHash", signHashBody(sad, b64(hashes[0], hashes[1]), SHA256_WITH_RSA)).statusCode());
        assertEquals(200, call("signatures/signHash", signHashBody(sad, b64(hashes[2]), SHA256_WITH_RSA)).statusCode());
        assertRefused(call("signatures/signHash", signHashBody(sad, b64(hashes[2]), SHA256_WITH_RSA)), 400, "invalid_sad");
        List<String> signed = Files.readAllLines(dir.resolve("audit.jsonl")).stream()
                .filter(l -> l.contains("\"action\":\"csc/signHash\"") && l.contains("\"outcome\":\"signed\"")).toList();
        for (byte[] hash : hashes) {
            String hex = HexFormat.of().formatHex(hash);
            assertEquals(1, signed.stream().filter(l -> l.contains(hex)).count(), hex + " in " + signed);
        }
        String refused = HexFormat.of().formatHex(sha256("audit 4"));
        assertFalse(signed.stream().anyMatch(l -> l.contains(refused)), signed.toString());
    }

    @Test
    void aSadExpiredByOneSecondIsRefused() throws Exception {
        byte[] hash = sha256("one second late");
        String sad = sad(API_KEY, hash);
        String onTime = sad(API_KEY, hash);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(200, call("signatures/signHash", signHashBody(onTime, b64(hash), SHA256_WITH_RSA)).statusCode());
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> late = call("signatures/signHash", signHashBody(sad, b64(hash), SHA256_WITH_RSA));
        assertRefused(late, 400, "invalid_sad");
        assertTrue(json(late).path("error_description").asText().contains("expired"), text(late));
    }
}
