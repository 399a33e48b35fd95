package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.OTHER_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.SAMPLE_XML;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.get;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.SignerException;
import vn.signer.audit.AuditChain;
import vn.signer.report.Json;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.DemoPki;
import vn.signer.testing.LargePdf;
import vn.signer.verify.DocumentVerifier;

/** The real server on a loopback port, as main builds it, with the demo configuration. */
class SignerServerTest {
    @TempDir
    static Path dir;
    static SignerServer server;
    static byte[] signedPdf;

    @BeforeAll
    static void start() {
        server = TestServers.start(dir, TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", ""));
        HttpResponse<byte[]> signed = post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        signedPdf = signed.body();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    static void assertError(HttpResponse<byte[]> response, int status, String code) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        assertEquals(code, json(response).path("error").asText(), body);
        assertTrue(json(response).path("message").isTextual(), body);
        assertFalse(body.contains("\tat ") || body.contains("Exception"), "no stack trace or exception names: " + body);
    }

    @Test
    void signAnswersTheSignedPdfWithItsSummaryInHeaders() throws Exception {
        HttpResponse<byte[]> response = post(server, "/v1/sign?profile=organisation&reason=Test", "application/pdf",
                bytes(SAMPLE_PDF), API_KEY);
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("PAdES-BASELINE-B", response.headers().firstValue("X-Signature-Level").orElseThrow());
        assertEquals(DemoPki.ORGANISATION_NAME, java.net.URLDecoder.decode(
                response.headers().firstValue("X-Signature-Signer").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(TestServers.sha256Of(bytes(SAMPLE_PDF)), response.headers().firstValue("X-Document-SHA256").orElseThrow());
        Path out = dir.resolve("signed.pdf");
        Files.write(out, response.body());
        assertEquals("VALID", DocumentVerifier.create(DemoPki.settings()).verify(out).verdict().name());
    }

    @Test
    void signsXmlAsXades() {
        HttpResponse<byte[]> response = post(server, "/v1/sign?profile=organisation", "application/xml", bytes(SAMPLE_XML), API_KEY);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("XAdES-BASELINE-B", response.headers().firstValue("X-Signature-Level").orElseThrow());
    }

    @Test
    void verifyAnswersTheSameJsonAsTheCli() throws Exception {
        HttpResponse<byte[]> response = post(server, "/v1/verify", "application/pdf", signedPdf, null);
        assertEquals(200, response.statusCode());
        Path local = dir.resolve("document");
        Files.write(local, signedPdf);
        JsonNode cli = Json.mapper().readTree(Json.line(DocumentVerifier.create(DemoPki.settings()).verify(local)));
        JsonNode served = json(response);
        assertEquals("VALID", served.path("verdict").asText());
        assertEquals(fieldPaths(cli), fieldPaths(served));
        assertEquals(cli.path("signatures").get(0).path("id"), served.path("signatures").get(0).path("id"));
    }

    private static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new HashSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                paths.add(prefix + "/" + name);
                collect(node.get(name), prefix + "/" + name, paths);
            }
        } else if (node.isArray() && node.size() > 0) {
            collect(node.get(0), prefix + "[]", paths);
        }
    }

    @Test
    void verifyTakesMultipartAndNamesTheFileAsSent() {
        byte[] body = TestServers.multipart("xyzzy", "cong-van.pdf", signedPdf);
        HttpResponse<byte[]> response = post(server, "/v1/verify?trust=demo&offline=true",
                "multipart/form-data; boundary=xyzzy", body, null);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("cong-van.pdf", json(response).path("file").asText());
        assertEquals("VALID", json(response).path("verdict").asText());
    }

    @Test
    void aDocumentTooLargeToKeepInMemoryIsSignedAndVerifiedThroughATemporaryFile() throws Exception {
        // Documents up to 4 MB are kept in memory; this one is streamed to the server's temp folder.
        byte[] large = Files.readAllBytes(LargePdf.write(dir.resolve("large.pdf"), 6_000_000));
        HttpResponse<byte[]> signed = post(server, "/v1/sign?profile=organisation", "application/pdf", large, API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        assertEquals(TestServers.sha256Of(large), signed.headers().firstValue("X-Document-SHA256").orElseThrow());
        assertArrayEquals(large, Arrays.copyOf(signed.body(), large.length), "an incremental update of what was sent");
        JsonNode report = json(post(server, "/v1/verify", "multipart/form-data; boundary=b",
                TestServers.multipart("b", "large-signed.pdf", signed.body()), null));
        assertEquals("large-signed.pdf", report.path("file").asText());
        assertEquals("VALID", report.path("verdict").asText(), report.toString());
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("signer-")).toList(),
                    "every temporary file is deleted once answered");
        }
    }

    @Test
    void anUnsignedDocumentHasNoSignature() {
        assertEquals("NO_SIGNATURE", json(post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null))
                .path("verdict").asText());
    }

    @Test
    void badInputIs400() {
        assertError(post(server, "/v1/verify", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8), null), 400, "BAD_INPUT");
        assertError(post(server, "/v1/verify?trust=nope", "application/pdf", signedPdf, null), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/verify?offline=maybe", "application/pdf", signedPdf, null), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/sign", "application/pdf", bytes(SAMPLE_PDF), API_KEY), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/sign?profile=organisation&level=Z", "application/pdf", bytes(SAMPLE_PDF), API_KEY),
                400, "BAD_REQUEST");
        assertError(post(server, "/v1/verify", "multipart/form-data; boundary=b", TestServers.multipart("b", "x", new byte[0]), null),
                400, "BAD_INPUT");
    }

    @Test
    void unsafeXmlIs400() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .getBytes(StandardCharsets.UTF_8);
        assertError(post(server, "/v1/verify", "application/xml", xxe, null), 400, "BAD_INPUT");
        assertError(post(server, "/v1/sign?profile=organisation", "application/xml", xxe, API_KEY), 400, "BAD_INPUT");
    }

    @Test
    void aCorruptPdfIsNotA500() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage".getBytes(StandardCharsets.US_ASCII);
        // Each answer is pinned: the statuses accepted before (200 included) let a 200 VALID, or any other error, pass.
        assertError(post(server, "/v1/verify", "application/pdf", corrupt, null), 422, "VERIFICATION_FAILED");
        assertError(post(server, "/v1/sign?profile=organisation", "application/pdf", corrupt, API_KEY), 400, "BAD_INPUT");
    }

    @Test
    void signingNeedsAKnownApiKey() {
        assertError(post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), null), 401, "UNAUTHORIZED");
        assertError(post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), "wrong"), 401, "UNAUTHORIZED");
        assertError(post(server, "/v1/verify", "application/pdf", signedPdf, "wrong"), 401, "UNAUTHORIZED");
        assertError(get(server, "/v1/profiles", null), 401, "UNAUTHORIZED");
    }

    @Test
    void aClientMayUseOnlyItsProfilesAndAllowedOverrides() {
        assertError(post(server, "/v1/sign?profile=officer", "application/pdf", bytes(SAMPLE_PDF), API_KEY), 403, "FORBIDDEN");
        assertError(post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), OTHER_KEY), 403, "FORBIDDEN");
        assertError(post(server, "/v1/sign?profile=nosuch", "application/pdf", bytes(SAMPLE_PDF), API_KEY), 403, "FORBIDDEN");
        assertError(post(server, "/v1/sign?profile=organisation&contactInfo=x", "application/pdf", bytes(SAMPLE_PDF), API_KEY),
                403, "OVERRIDE_NOT_ALLOWED");
        assertEquals(200, post(server, "/v1/sign?profile=officer", "application/pdf", bytes(SAMPLE_PDF), OTHER_KEY).statusCode());
    }

    @Test
    void profilesListsOnlyTheCallersProfiles() {
        HttpResponse<byte[]> response = get(server, "/v1/profiles", API_KEY);
        assertEquals(200, response.statusCode());
        JsonNode profiles = json(response).path("profiles");
        assertEquals(1, profiles.size());
        assertEquals("organisation", profiles.get(0).path("name").asText());
        assertEquals(DemoPki.ORGANISATION_NAME, profiles.get(0).path("certificate").path("commonName").asText());
    }

    @Test
    void unsupportedTypeIs415AndUnknownPathIs404() {
        assertError(post(server, "/v1/verify", "image/png", signedPdf, null), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(post(server, "/v1/verify", "application/xml", signedPdf, null), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(get(server, "/v2/nothing", null), 404, "NOT_FOUND");
    }

    @Test
    void healthReadyAndMetrics() {
        assertEquals("UP", json(get(server, "/health", null)).path("status").asText());
        HttpResponse<byte[]> ready = get(server, "/ready", null);
        assertEquals(200, ready.statusCode(), new String(ready.body(), StandardCharsets.UTF_8));
        assertTrue(json(ready).path("ready").asBoolean());
        post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), "wrong");
        String metrics = new String(get(server, "/metrics", null).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("signer_http_requests_seconds_count{method=\"POST\",route=\"/v1/sign\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("signer_signatures_total{outcome=\"signed\",profile=\"organisation\"}"), metrics);
        assertTrue(metrics.contains("signer_errors_total{kind=\"UNAUTHORIZED\"}"), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
    }

    @Test
    void theOpenApiDescriptionDocumentsEveryRouteAndNothingElse() {
        JsonNode api = json(get(server, "/openapi.json", null));
        assertTrue(api.path("openapi").asText().startsWith("3."));
        Set<String> documented = new HashSet<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertEquals(Set.copyOf(server.routes()), documented);
    }

    @Test
    void theAuditLogChainsEverySignatureAndRefusal() throws Exception {
        post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(SAMPLE_PDF), "wrong");
        byte[] notAPdf = "not a PDF, refused but audited with its hash".getBytes(StandardCharsets.UTF_8);
        assertError(post(server, "/v1/sign?profile=organisation", "application/pdf", notAPdf, API_KEY), 400, "BAD_INPUT");
        Path log = dir.resolve("audit.jsonl");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"outcome\":\"signed\""), text);
        assertTrue(text.contains("\"outcome\":\"UNAUTHORIZED\""), text);
        assertTrue(text.contains(TestServers.sha256Of(notAPdf)), text);
        assertFalse(text.contains(DemoPki.PASSWORD), "no password in the audit log");
        assertTrue(AuditChain.verify(log).intact());

        Path copy = dir.resolve("audit-edited.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0).replace("\"client\":\"dms\"", "\"client\":\"mallory\""));
        Files.write(copy, lines, StandardCharsets.UTF_8);
        AuditChain.Result broken = AuditChain.verify(copy);
        assertFalse(broken.intact());
        assertEquals(1, broken.brokenLine());
    }

    @Test
    void theConfigurationRefusesUnknownKeysAndClearPins() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, TestServers.yaml(dir, true, "", "").replace("plainHttp: true", "plainHttp: true\nplainHtttp: true"));
        SignerException unknown = assertThrows(SignerException.class, () -> ServerConfig.load(bad));
        assertTrue(unknown.getMessage().contains("plainHtttp"), unknown.getMessage());
        Files.writeString(bad, TestServers.yaml(dir, true, "", "").replaceFirst("pin: \\{file: [^}]*}", "pin: demo1234"));
        assertThrows(SignerException.class, () -> ServerConfig.load(bad));
        Files.writeString(bad, TestServers.yaml(dir, true, "", "").replace("plainHttp: true", "plainHttp: false"));
        SignerException noTls = assertThrows(SignerException.class, () -> ServerConfig.load(bad));
        assertTrue(noTls.getMessage().contains("tls"), noTls.getMessage());
    }

    @Test
    void theSampleConfigurationLoads() {
        ServerConfig config = ServerConfig.load(vn.signer.testing.Tools.sample("server.yaml"));
        assertEquals("127.0.0.1", config.host());
        assertNotNull(config.profiles().get("organisation"));
        assertEquals("demo", config.splitSigning().profiles().get("web").signers());
        assertTrue(config.verification().page().enabled(), "the demo serves the verification page");
        assertEquals("/", config.verification().page().path());
    }
}
