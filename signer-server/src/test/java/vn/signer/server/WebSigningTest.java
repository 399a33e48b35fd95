package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Tools;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * What the server gives web pages: Decree 30 appearances at split signing's prepare (the images from
 * the profile, the texts from the request, only what the profile allows), CORS for configured origins
 * only, signer-agent.js, and the demo page only when enabled, under a strict CSP.
 */
@Tag("slow")
class WebSigningTest {
    private static final String PAGE = "https://eoffice.example.gov.vn";

    @TempDir
    static Path dir;
    static SignerServer server;
    static SignerServer plain;

    @BeforeAll
    static void start() throws Exception {
        server = start(dir.resolve("demo"), true);
        plain = start(dir.resolve("plain"), false);
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
    }

    static SignerServer start(Path folder, boolean demo) throws Exception {
        Files.createDirectories(folder.resolve("tmp"));
        String images = Tools.sample("images").toString();
        String yaml = TestServers.yaml(folder, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                splitSigning:
                  profiles:
                    web:
                      signers: demo
                      allowOverride: [reason, appearance, docNumber, issuedDate, anchor]
                      appearance:
                        image: %1$s/chu-ky-mau.png
                        seal: %1$s/con-dau-mau.png
                    plainweb:
                      signers: demo
                cors:
                  origins: [%2$s]
                demo:
                  enabled: %3$s
                  document: %4$s
                """.formatted(images, PAGE, demo, SAMPLE_PDF))
                .replace("profiles: [organisation]", "profiles: [organisation, web, plainweb]");
        Path file = folder.resolve("server.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return SignerServer.start(ServerConfig.load(file));
    }

    record Key(PrivateKey key, List<X509Certificate> chain) {
        static Key of(Path p12) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(p12.toFile())) {
                store.load(in, DemoPki.PASSWORD.toCharArray());
            }
            String alias = store.aliases().nextElement();
            List<X509Certificate> chain = java.util.Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList();
            return new Key((PrivateKey) store.getKey(alias, DemoPki.PASSWORD.toCharArray()), chain);
        }
    }

    /** Prepare with {@code query}, sign the DigestInfo with the raw key, complete: the signed document. */
    static byte[] splitSign(SignerServer on, String query, byte[] document, Key key) throws Exception {
        JsonNode prepared = SplitSigningTest.prepared(SplitSigningTest.prepare(on, query, document, key.chain().subList(0, 1), API_KEY));
        HttpResponse<byte[]> signed = SplitSigningTest.complete(on, prepared.path("session").asText(),
                SplitSigningTest.rawRsa(key.key(), SplitSigningTest.dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        return signed.body();
    }

    @Test
    void theOfficerSignsPersonallyThenTheClerkIssuesWithTheSealNumberAndDate() throws Exception {
        byte[] approved = splitSign(server, "?profile=web&appearance=personal&anchor=" + encode(DemoPki.OFFICER_NAME),
                bytes(SAMPLE_PDF), Key.of(DemoPki.officerP12()));
        byte[] issued = splitSign(server, "?profile=web&appearance=organisation&docNumber=125%2FSKHCN-VP&issuedDate=2026-12-03",
                approved, Key.of(DemoPki.organisationP12()));
        VerificationReport report = SplitSigningTest.verifyDemo(issued);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size());
        assertEquals(DemoPki.OFFICER_NAME, report.signatures().get(0).signer().commonName());
        assertEquals(DemoPki.ORGANISATION_NAME, report.signatures().get(1).signer().commonName());
    }

    @Test
    void anAppearanceTheProfileDoesNotAllowIsRefusedAndABadOneIsA400() throws Exception {
        Key officer = Key.of(DemoPki.officerP12());
        HttpResponse<byte[]> refused = SplitSigningTest.prepare(server, "?profile=plainweb&appearance=personal", bytes(SAMPLE_PDF),
                officer.chain(), API_KEY);
        assertError(refused, 403, "OVERRIDE_NOT_ALLOWED");
        assertError(SplitSigningTest.prepare(server, "?profile=web&appearance=hologram", bytes(SAMPLE_PDF), officer.chain(), API_KEY),
                400, "BAD_REQUEST");
        assertError(SplitSigningTest.prepare(server, "?profile=web&appearance=organisation&issuedDate=03-12-2026",
                bytes(SAMPLE_PDF), officer.chain(), API_KEY), 400, "BAD_REQUEST");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() {
        HttpResponse<byte[]> allowed = TestServers.send(TestServers.request(server, "/v1/sign/prepare")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", PAGE)
                .header("Access-Control-Request-Method", "POST").build());
        assertEquals(204, allowed.statusCode());
        assertEquals(PAGE, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));

        HttpResponse<byte[]> other = TestServers.send(TestServers.request(server, "/v1/sign/complete")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example").build());
        assertEquals(403, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        HttpResponse<byte[]> profiles = TestServers.send(TestServers.request(server, "/v1/profiles").header("Origin", "https://evil.example")
                .header("X-API-Key", API_KEY).GET().build());
        assertEquals(200, profiles.statusCode());
        assertTrue(profiles.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS answer for another origin");
        HttpResponse<byte[]> mine = TestServers.send(TestServers.request(server, "/v1/profiles").header("Origin", PAGE)
                .header("X-API-Key", API_KEY).GET().build());
        assertEquals(PAGE, mine.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void theAgentScriptIsServedAndTheDemoOnlyWhenEnabledUnderAStrictCsp() {
        HttpResponse<byte[]> script = TestServers.get(plain, "/signer-agent.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(new String(script.body(), StandardCharsets.UTF_8).contains("SignerAgent"));

        assertError(TestServers.get(plain, "/demo/", null), 404, "NOT_FOUND");
        assertError(TestServers.get(plain, "/demo/document.pdf", null), 404, "NOT_FOUND");

        HttpResponse<byte[]> page = TestServers.get(server, "/demo/", null);
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("connect-src 'self' https://127.0.0.1:8987"), csp);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertEquals(200, TestServers.get(server, "/demo/demo.js", null).statusCode());
        assertEquals("application/pdf", TestServers.get(server, "/demo/document.pdf", null).headers().firstValue("Content-Type").orElseThrow());
        assertError(TestServers.get(server, "/demo/..%2Fserver.yaml", null), 404, "NOT_FOUND");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
