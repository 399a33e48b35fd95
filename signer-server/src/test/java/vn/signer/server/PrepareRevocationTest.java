package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.PkiServices;
import vn.signer.testing.TestPki;

/**
 * The signer's certificate's revocation status at {@code POST /v1/sign/prepare}, from the test PKI's own
 * OCSP and CRL services on 127.0.0.1 (through the outbound gate: the trust profiles allow loopback): a
 * revoked certificate is refused before anything is prepared; an unknown status (a PKI whose services do
 * not answer) is accepted at B, refused at LT unless the profile accepts it; an offline profile says
 * that it looked offline.
 */
@Tag("slow")
class PrepareRevocationTest {
    @TempDir
    static Path dir;
    static PkiServices services;
    static TestPki silent;
    static SignerServer server;

    @BeforeAll
    static void start() throws Exception {
        services = PkiServices.start("prepare-revocation");
        // A PKI whose certificates name OCSP and CRL services on a port where nothing listens.
        int nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = socket.getLocalPort();
        }
        silent = TestPki.create("silent", "http://127.0.0.1:" + nobody);
        TestPki.PkiFiles answering = services.pki().written(dir.resolve("answering"));
        TestPki.PkiFiles dead = silent.written(dir.resolve("silent"));
        Files.createDirectories(dir.resolve("tmp"));
        String yaml = TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                splitSigning:
                  profiles:
                    online:
                      signers: answering
                    onlineLt:
                      signers: answering
                      level: LT
                      tsa: [%1$s]
                    silentB:
                      signers: silent
                    silentLt:
                      signers: silent
                      level: LT
                      tsa: [%1$s]
                    silentLtAccepted:
                      signers: silent
                      level: LT
                      tsa: [%1$s]
                      acceptUnknownRevocation: true
                    offline:
                      signers: answeringOffline
                """.formatted(services.tsaUrl()))
                .replace("profiles: [organisation]", "profiles: [organisation, online, onlineLt, silentB, silentLt, silentLtAccepted, offline]")
                .replace(TestServers.verification(true), TestServers.verification(true)
                        + "\n    answering: {trust: [%1$s], intermediates: [%2$s], online: true, allowPrivateAddresses: true}"
                        .formatted(answering.rootPem(), answering.issuingCaPem())
                        + "\n    answeringOffline: {trust: [%1$s], intermediates: [%2$s]}".formatted(answering.rootPem(), answering.issuingCaPem())
                        + "\n    silent: {trust: [%1$s], intermediates: [%2$s], online: true, allowPrivateAddresses: true}"
                        .formatted(dead.rootPem(), dead.issuingCaPem()));
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        server = SignerServer.start(ServerConfig.load(file));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        services.close();
    }

    private static HttpResponse<byte[]> prepare(String profile, TestPki.Entity signer) {
        return SplitSigningTest.prepare(server, "?profile=" + profile, TestServers.bytes(TestServers.SAMPLE_PDF), signer.chain(),
                TestServers.API_KEY);
    }

    private static JsonNode body(HttpResponse<byte[]> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void aGoodCertificateIsPreparedAndItsStatusSaid() throws Exception {
        TestPki.Entity good = services.pki().signer("Cán bộ Tốt", "TEST").issue();
        int before = services.hits();
        for (String profile : List.of("online", "onlineLt")) {
            JsonNode prepared = SplitSigningTest.prepared(prepare(profile, good));
            assertEquals("GOOD", prepared.path("revocation").path("status").asText(), prepared.toString());
        }
        assertTrue(services.hits() > before, "the test PKI's OCSP or CRL service was asked");
    }

    @Test
    void aRevokedCertificateIsRefusedAtPrepareAtEveryLevel() throws Exception {
        TestPki.Entity revoked = services.pki().signer("Cán bộ Đã Nghỉ", "TEST").issue();
        services.pki().revoke(revoked.certificate(), Instant.now().minusSeconds(3600));
        for (String profile : List.of("online", "onlineLt")) {
            HttpResponse<byte[]> refused = prepare(profile, revoked);
            assertEquals(422, refused.statusCode(), new String(refused.body(), StandardCharsets.UTF_8));
            JsonNode error = body(refused);
            assertEquals("CERTIFICATE_REVOKED", error.path("error").asText());
            assertTrue(error.path("message").asText().contains("is revoked since"), error.toString());
        }
    }

    @Test
    void anUnknownStatusIsAcceptedAtBRefusedAtLtAndAcceptedWhereTheProfileSaysSo() throws Exception {
        TestPki.Entity unknown = silent.signer("Cán bộ Không Rõ", "TEST").issue();
        JsonNode atB = SplitSigningTest.prepared(prepare("silentB", unknown));
        assertEquals("UNKNOWN", atB.path("revocation").path("status").asText(), atB.toString());
        HttpResponse<byte[]> atLt = prepare("silentLt", unknown);
        assertEquals(422, atLt.statusCode(), new String(atLt.body(), StandardCharsets.UTF_8));
        assertEquals("CERTIFICATE_STATUS_UNKNOWN", body(atLt).path("error").asText());
        assertTrue(body(atLt).path("message").asText().contains("silentLt"), body(atLt).toString());
        JsonNode accepted = SplitSigningTest.prepared(prepare("silentLtAccepted", unknown));
        assertEquals("UNKNOWN", accepted.path("revocation").path("status").asText());
    }

    @Test
    void anOfflineProfileFetchesNothingAndSaysItLookedOffline() throws Exception {
        TestPki.Entity signer = services.pki().signer("Cán bộ Ngoại Tuyến", "TEST").issue();
        int before = services.hits();
        JsonNode prepared = SplitSigningTest.prepared(prepare("offline", signer));
        assertEquals("UNKNOWN", prepared.path("revocation").path("status").asText());
        assertTrue(prepared.path("revocation").path("message").asText().contains("looked up offline"), prepared.toString());
        assertEquals(before, services.hits(), "nothing was fetched for an offline profile");
    }
}
