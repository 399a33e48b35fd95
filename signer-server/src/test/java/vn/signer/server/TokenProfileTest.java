package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.testing.DemoPki;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** A signing profile whose key is on a PKCS#11 token (SoftHSM2), served over HTTP by the real server. */
@Tag("native")
class TokenProfileTest {
    @TempDir
    static Path dir;
    static SignerServer server;

    @BeforeAll
    static void start() throws IOException {
        SoftHsm token = SoftHsm.token();
        Files.writeString(dir.resolve("token-pin.txt"), SoftHsm.PIN + "\n");
        String pki = Tools.sample("demo-pki").toString();
        server = TestServers.start(dir, """
                host: 127.0.0.1
                port: 0
                plainHttp: true
                tempDir: %1$s/tmp
                limits:
                  requestsPerSecond: 1000
                  burst: 1000
                audit:
                  file: %1$s/audit.jsonl
                %6$s
                clients:
                  - name: back-office
                    apiKeySha256: %3$s
                    profiles: [seal]
                profiles:
                  seal:
                    pkcs11:
                      module: %4$s
                      tokenLabel: %5$s
                      parallel: 2
                    key: {label: organisation}
                    pin: {file: %1$s/token-pin.txt}
                    trust: demo
                """.formatted(dir, pki, TestServers.sha256(TestServers.API_KEY), token.module(), SoftHsm.LABEL,
                        TestServers.verification(true)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theTokenProfileIsReadyAndListedWithItsCertificate() throws IOException {
        HttpResponse<byte[]> ready = TestServers.get(server, "/ready", null);
        assertEquals(200, ready.statusCode(), new String(ready.body(), StandardCharsets.UTF_8));
        JsonNode profiles = Json.mapper().readTree(TestServers.get(server, "/v1/profiles", TestServers.API_KEY).body())
                .path("profiles");
        assertEquals("seal", profiles.get(0).path("name").asText());
        assertEquals(DemoPki.ORGANISATION_NAME, profiles.get(0).path("certificate").path("commonName").asText());
    }

    @Test
    void concurrentRequestsAreAllSignedByTheTokensKeyAndVerify() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(callers.submit(() -> TestServers.post(server, "/v1/sign?profile=seal", "application/pdf",
                        TestServers.bytes(TestServers.SAMPLE_PDF), TestServers.API_KEY)));
            }
            DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings());
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<byte[]> response = answers.get(i).get();
                assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
                Path signed = Files.write(dir.resolve("signed-" + i + ".pdf"), response.body());
                VerificationReport report = verifier.verify(signed);
                assertEquals(Verdict.VALID, report.verdict(), report.toString());
                assertEquals(DemoPki.ORGANISATION_NAME, report.signatures().get(0).signer().commonName());
            }
        } finally {
            callers.shutdownNow();
        }
        List<String> audit = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertTrue(audit.stream().filter(line -> line.contains("\"signed\"")).count() >= 12, audit.toString());
    }
}
