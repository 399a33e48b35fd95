package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.json;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.OTHER_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.SignatureCheck;
import vn.signer.keys.SignatureScheme;
import vn.signer.report.Json;
import vn.signer.server.config.ServerConfig;

/**
 * signer-server's CSC v2 face, spoken to in raw JSON as the specification writes it: the credentials a
 * client may use, their chain, an authorisation bound to the hashes (SCAL2), the signatures made over
 * the hashes and checked here with the certificate; and the refusals: a hash of the wrong length, a
 * SAD expired, a SAD used for other hashes or by another client, more hashes than multisign.
 */
class CscServiceTest {
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";

    @TempDir
    static Path dir;
    static SplitSigningTest.MovableClock clock = new SplitSigningTest.MovableClock();
    static SignerServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("server.yaml"), yaml(dir, 5, 60), StandardCharsets.UTF_8);
        server = SignerServer.start(ServerConfig.load(dir.resolve("server.yaml")), clock);
    }

    /** The demo configuration with the organisation's profile a CSC credential of client dms. */
    static String yaml(Path dir, int multisign, int sadSeconds) {
        String base = TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", "");
        return base.replace("    allowOverride: [reason, location]\n",
                "    allowOverride: [reason, location]\n    csc: {enabled: true, multisign: %d, sadSeconds: %d}\n"
                        .formatted(multisign, sadSeconds));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> call(String method, String apiKey, Object body) {
        return TestServers.post(server, "/csc/v2/" + method, "application/json",
                Json.line(body).getBytes(StandardCharsets.UTF_8), apiKey);
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> b64(byte[]... hashes) {
        List<String> list = new ArrayList<>();
        for (byte[] hash : hashes) {
            list.add(Base64.getEncoder().encodeToString(hash));
        }
        return list;
    }

    static String authorize(String apiKey, byte[]... hashes) {
        HttpResponse<byte[]> answer = call("credentials/authorize", apiKey, Map.of("credentialID", "organisation",
                "numSignatures", hashes.length, "hashes", b64(hashes), "hashAlgorithmOID", SHA256));
        assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        return json(answer).path("SAD").asText();
    }

    static HttpResponse<byte[]> signHash(String apiKey, String sad, byte[]... hashes) {
        return call("signatures/signHash", apiKey, Map.of("credentialID", "organisation", "SAD", sad, "hashes", b64(hashes),
                "hashAlgorithmOID", SHA256, "signAlgo", SHA256_WITH_RSA));
    }

    static void assertCscError(HttpResponse<byte[]> answer, int status, String error) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(status, answer.statusCode(), body);
        assertEquals(error, json(answer).path("error").asText(), body);
        assertTrue(json(answer).path("error_description").isTextual(), body);
    }

    static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void infoListsTheMethodsWithoutAKey() {
        JsonNode info = json(call("info", null, Map.of()));
        assertEquals("2.0.0.2", info.path("specs").asText());
        List<String> methods = new ArrayList<>();
        info.path("methods").forEach(m -> methods.add(m.asText()));
        assertTrue(methods.containsAll(List.of("credentials/list", "credentials/info", "credentials/authorize",
                "signatures/signHash")), methods.toString());
    }

    @Test
    void aClientListsOnlyItsCscCredentials() {
        assertEquals("[\"organisation\"]", json(call("credentials/list", API_KEY, Map.of())).path("credentialIDs").toString());
        // portal may use officer, which is no CSC credential.
        assertEquals("[]", json(call("credentials/list", OTHER_KEY, Map.of())).path("credentialIDs").toString());
        assertCscError(call("credentials/list", null, Map.of()), 401, "invalid_token");
        assertCscError(call("credentials/info", OTHER_KEY, Map.of("credentialID", "organisation")), 400, "invalid_request");
    }

    @Test
    void credentialInfoGivesTheChainKeyAndAuthorisation() throws Exception {
        JsonNode info = json(call("credentials/info", API_KEY, Map.of("credentialID", "organisation", "certificates", "chain",
                "certInfo", true)));
        assertEquals("explicit", info.path("authMode").asText());
        assertEquals("explicit", info.path("auth").path("mode").asText());
        assertEquals("2", info.path("SCAL").asText());
        assertEquals(5, info.path("multisign").asInt());
        assertEquals(2048, info.path("key").path("len").asInt(), info.toString());
        assertTrue(info.path("key").path("algo").toString().contains("1.2.840.113549.1.1.1"), info.toString());
        assertTrue(info.path("cert").path("certificates").size() >= 2, "the chain: " + info);
        X509Certificate signer = certificate(info.path("cert").path("certificates").get(0).asText());
        assertEquals(signer.getSubjectX500Principal().getName(), info.path("cert").path("subjectDN").asText());
        assertTrue(info.path("cert").path("validTo").asText().matches("\\d{14}Z"), info.toString());
    }

    @Test
    void theHashesAuthorisedAreSignedOnceWithTheCredentialsKey() throws Exception {
        byte[] one = sha256("one");
        byte[] two = sha256("two");
        String sad = authorize(API_KEY, one, two);
        JsonNode answer = json(signHash(API_KEY, sad, one, two));
        X509Certificate signer = certificate(json(call("credentials/info", API_KEY, Map.of("credentialID", "organisation")))
                .path("cert").path("certificates").get(0).asText());
        assertEquals(2, answer.path("signatures").size(), answer.toString());
        assertTrue(SignatureCheck.verifiesDigest(signer, one, Base64.getDecoder().decode(answer.path("signatures").get(0).asText()),
                SignatureScheme.DEFAULT));
        assertTrue(SignatureCheck.verifiesDigest(signer, two, Base64.getDecoder().decode(answer.path("signatures").get(1).asText()),
                SignatureScheme.DEFAULT));
        // Spent: the same SAD signs nothing more.
        assertCscError(signHash(API_KEY, sad, one), 400, "invalid_sad");
        String audit = Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(audit.contains("\"action\":\"csc/signHash\""), audit);
        assertTrue(audit.contains("\"action\":\"csc/authorize\""), audit);
        String metrics = new String(TestServers.get(server, "/metrics", null).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("signer_signatures_total")
                && l.contains("outcome=\"signed\"") && l.contains("profile=\"organisation\"")), metrics);
    }

    @Test
    void aSadSignsOnlyTheHashesItIsBoundTo() throws Exception {
        String sad = authorize(API_KEY, sha256("bound"));
        assertCscError(signHash(API_KEY, sad, sha256("another")), 400, "invalid_sad");
        assertCscError(signHash(OTHER_KEY, sad, sha256("bound")), 400, "invalid_request");
        // Refused without being spent: the hash it is bound to still signs.
        assertEquals(200, signHash(API_KEY, sad, sha256("bound")).statusCode());
    }

    @Test
    void anExpiredSadIsRefused() throws Exception {
        String sad = authorize(API_KEY, sha256("late"));
        clock.advance(Duration.ofSeconds(61));
        assertCscError(signHash(API_KEY, sad, sha256("late")), 400, "invalid_sad");
    }

    @Test
    void aHashOfTheWrongLengthIsRefused() throws Exception {
        byte[] short31 = new byte[31];
        HttpResponse<byte[]> answer = call("credentials/authorize", API_KEY, Map.of("credentialID", "organisation",
                "numSignatures", 1, "hashes", b64(short31), "hashAlgorithmOID", SHA256));
        assertCscError(answer, 400, "invalid_request");
        String sad = authorize(API_KEY, sha256("length"));
        // The same hash named SHA-384: 32 bytes are not a SHA-384 hash.
        assertCscError(call("signatures/signHash", API_KEY, Map.of("credentialID", "organisation", "SAD", sad,
                "hashes", b64(sha256("length")), "hashAlgorithmOID", SHA384, "signAlgo", "1.2.840.113549.1.1.1")),
                400, "invalid_request");
    }

    @Test
    void moreHashesThanMultisignAreRefused() throws Exception {
        byte[][] six = new byte[6][];
        for (int i = 0; i < six.length; i++) {
            six[i] = sha256("hash " + i);
        }
        HttpResponse<byte[]> answer = call("credentials/authorize", API_KEY, Map.of("credentialID", "organisation",
                "numSignatures", 6, "hashes", b64(six), "hashAlgorithmOID", SHA256));
        assertCscError(answer, 400, "invalid_request");
        assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains("Exception"));
    }
}
