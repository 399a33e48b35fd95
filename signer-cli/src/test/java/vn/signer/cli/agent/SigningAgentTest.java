package vn.signer.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.certs.CertificateSummary;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Json;
import vn.signer.sign.DataToSign;
import vn.signer.sign.DocumentToSign;
import vn.signer.sign.PreparedSignature;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SignedDocument;
import vn.signer.sign.Signing;
import vn.signer.sign.SigningServices;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;

/**
 * The agent over real HTTPS on 127.0.0.1 with the demo officer's PKCS#12, the person answering through
 * the terminal's input: what pages of other origins and rebound host names get (403, and the person is
 * never asked), what the person sees, and that a confirmed value completes a prepared signature.
 */
class SigningAgentTest {
    private static final String PAGE = "https://eoffice.example.gov.vn";

    @TempDir
    Path dir;

    private AgentServer agent;
    private AgentCertificate certificate;
    private PipedOutputStream typed;
    private StringWriter shown;
    private HttpClient client;
    private String officerId;

    @BeforeEach
    void start() throws Exception {
        start(Duration.ofSeconds(20));
    }

    private void start(Duration answerLimit) throws Exception {
        certificate = AgentCertificate.loadOrMake(dir.resolve("agent"));
        typed = new PipedOutputStream();
        shown = new StringWriter();
        Person person = new TerminalPerson(null, new BufferedReader(new InputStreamReader(new PipedInputStream(typed, 4096),
                StandardCharsets.UTF_8)), new PrintWriter(shown, true), Locale.forLanguageTag("vi"));
        KeySourceSpec keys = new KeySourceSpec(new KeySourceSpec.Pkcs12(DemoPki.officerP12()), KeySelector.only(),
                new KeySourceSpec.Environment("AGENT_TEST_PIN"));
        agent = AgentServer.start(new AgentSetup(Set.of(PAGE + "/"), freePort(), 10), certificate, keys, KeySelector.only(), new DocumentSetup(vn.signer.sign.Level.B, vn.signer.sign.SigningServices.none(), null),
                Map.of("AGENT_TEST_PIN", DemoPki.PASSWORD), person, answerLimit, Locale.forLanguageTag("vi"), "test");
        client = HttpClient.newBuilder().sslContext(trusting(certificate)).build();
        officerId = CertificateSummary.sha256Hex(DemoPki.openP12(DemoPki.officerP12()).key(KeySelector.only()).certificate());
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void theAgentAnswersItsOriginsWithCorsAndAPreflight() throws Exception {
        HttpResponse<String> info = get("/v1/agent", PAGE);
        assertEquals(200, info.statusCode());
        JsonNode body = Json.mapper().readTree(info.body());
        assertEquals("signer", body.path("agent").asText());
        assertEquals(1, body.path("api").asInt());
        assertEquals(PAGE, info.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());

        HttpResponse<String> preflight = client.send(request("/v1/sign", PAGE).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Private-Network", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Private-Network").orElseThrow());
    }

    @Test
    void anotherOriginNoOriginOrAReboundHostGet403AndThePersonIsNeverAsked() throws Exception {
        for (String origin : new String[] {"https://evil.example", "null", "https://eoffice.example.gov.vn.evil.example", null}) {
            HttpResponse<String> refused = send(signRequest(officerId, new byte[0]), origin);
            assertEquals(403, refused.statusCode(), String.valueOf(origin));
            assertEquals("FORBIDDEN", Json.mapper().readTree(refused.body()).path("error").path("code").asText());
            assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            assertEquals(403, get("/v1/certificates", origin).statusCode());
        }
        String rebound = raw("GET /v1/agent HTTP/1.1\r\nHost: attacker.example:" + agent.port() + "\r\nOrigin: " + PAGE
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertEquals("", shown.toString(), "nothing was shown to the person");
    }

    @Test
    void theCertificatesAreListedWithTheirChainInPem() throws Exception {
        HttpResponse<String> listed = get("/v1/certificates", PAGE);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode first = Json.mapper().readTree(listed.body()).path("certificates").get(0);
        assertEquals(officerId, first.path("id").asText());
        assertTrue(first.path("subject").asText().contains(DemoPki.OFFICER_NAME));
        assertTrue(first.path("chain").get(0).asText().startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void aConfirmedRequestIsSignedAndItsValueCompletesThePreparedSignature() throws Exception {
        Path output = dir.resolve("signed.pdf");
        List<java.security.cert.X509Certificate> chain = DemoPki.openP12(DemoPki.officerP12()).key(KeySelector.only()).chain();
        try (PreparedSignature prepared = Signing.create(SigningServices.none()).prepare(
                DocumentToSign.file(Samples.pdf(dir), output), chain, SignatureOptions.defaults())) {
            DataToSign data = prepared.dataToSign();
            CompletableFuture<HttpResponse<String>> answer = sendAsync(signRequest(officerId, data.forRawSigner()), PAGE);
            waitShown("Ký?");
            typed.write("c\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            HttpResponse<String> signed = answer.get();
            assertEquals(200, signed.statusCode(), signed.body());
            byte[] value = Base64.getDecoder().decode(Json.mapper().readTree(signed.body()).path("signatureValue").asText());
            try (SignedDocument document = prepared.complete(value).augment()) {
                assertEquals("PAdES-BASELINE-B", document.level());
            }
            String seen = shown.toString();
            assertTrue(seen.contains("Trang " + PAGE + " yêu cầu ký số"), seen);
            assertTrue(seen.contains("Theo trang web " + PAGE), seen);
            assertTrue(seen.contains("125/SKHCN-VP"), seen);
            assertTrue(seen.contains(DemoPki.OFFICER_NAME), seen);
            assertTrue(seen.contains(HexFormat.of().formatHex(data.digest())), "the hash is shown: " + seen);
        }
    }

    @Test
    void aRefusalAnswersCancelledAndSignsNothing() throws Exception {
        CompletableFuture<HttpResponse<String>> answer = sendAsync(signRequest(officerId,
                vn.signer.keys.SignatureScheme.Digest.SHA256.digestInfo(new byte[32])), PAGE);
        waitShown("Ký?");
        typed.write("k\n".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        HttpResponse<String> refused = answer.get();
        assertEquals(409, refused.statusCode());
        JsonNode error = Json.mapper().readTree(refused.body()).path("error");
        assertEquals("CANCELLED", error.path("code").asText());
        assertFalse(error.path("message").asText().isBlank());
        assertNull(Json.mapper().readTree(refused.body()).get("signatureValue"));
    }

    @Test
    void dataThatIsNotAPreparedDigestIsRefusedBeforeThePersonIsAsked() throws Exception {
        byte[] document = "Chuyển 1 tỷ đồng cho tài khoản 123".getBytes(StandardCharsets.UTF_8);
        for (byte[] hostile : new byte[][] {document, new byte[32], vn.signer.keys.SignatureScheme.Digest.SHA384.digestInfo(new byte[48])}) {
            HttpResponse<String> refused = send(signRequest(officerId, hostile), PAGE);
            assertEquals(400, refused.statusCode());
            assertEquals("BAD_REQUEST", Json.mapper().readTree(refused.body()).path("error").path("code").asText());
        }
        assertEquals("", shown.toString());
    }

    @Test
    @Tag("slow")
    void noAnswerInTimeCancelsAndAFullQueueAnswersBusy() throws Exception {
        agent.close();
        start(Duration.ofSeconds(2));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            answers.add(sendAsync(signRequest(officerId, vn.signer.keys.SignatureScheme.Digest.SHA256.digestInfo(new byte[32])), PAGE));
        }
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            codes.add(Json.mapper().readTree(answer.get().body()).path("error").path("code").asText());
        }
        assertTrue(codes.contains("BUSY"), codes.toString());
        assertTrue(codes.contains("CANCELLED"), codes.toString());
        assertTrue(codes.stream().allMatch(c -> c.equals("BUSY") || c.equals("CANCELLED")), codes.toString());
        assertTrue(shown.toString().contains("Không có trả lời kịp"), shown.toString());
    }

    private String signRequest(String certificate, byte[] data) {
        return Json.line(Map.of("certificate", certificate, "digestAlgorithm", "SHA-256",
                "dataToSign", Base64.getEncoder().encodeToString(data), "signatureAlgorithm", "SHA256withRSA",
                "document", Map.of("name", "cong-van-125.pdf", "number", "125/SKHCN-VP", "mode", "personal",
                        "sha256", "ab".repeat(32))));
    }

    private void waitShown(String text) throws InterruptedException {
        for (int i = 0; i < 200 && !shown.toString().contains(text); i++) {
            Thread.sleep(50);
        }
        assertTrue(shown.toString().contains(text), shown.toString());
    }

    private HttpRequest.Builder request(String path, String origin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agent.port() + path))
                .timeout(Duration.ofSeconds(60));
        return origin == null ? builder : builder.header("Origin", origin);
    }

    private HttpResponse<String> get(String path, String origin) throws IOException, InterruptedException {
        return client.send(request(path, origin).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String json, String origin) throws IOException, InterruptedException {
        return client.send(post(json, origin), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String json, String origin) {
        return client.sendAsync(post(json, origin), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String json, String origin) {
        return request("/v1/sign", origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A request written by hand: the JDK's client does not let a caller set Host. */
    private String raw(String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting(certificate).getSocketFactory().createSocket("127.0.0.1", agent.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SSLContext trusting(AgentCertificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("agent", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
