package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.testing.Canary;
import vn.signer.testing.SignedSamples;
import vn.signer.testing.TestPki;

/**
 * An uploaded document whose certificate names addresses on the server's own network: an online
 * trust profile fetches nothing there unless it allows private addresses.
 */
class OutboundRequestsTest {
    @TempDir
    Path dir;

    @Test
    void anUploadedDocumentCannotMakeTheServerCallItsInternalNetwork() throws IOException {
        try (Canary canary = Canary.start()) {
            TestPki pki = TestPki.create("server-canary", canary.url());
            byte[] signed = bytes(SignedSamples.pdfEmbeddingOnlyTheSigner(pki.signer("Người Ký", "Sở TEST").issue(), dir));
            Path root = Files.writeString(dir.resolve("canary-root.pem"), TestPki.pem(pki.root()), StandardCharsets.US_ASCII);
            String profiles = """

                        outside:
                          trust: [%1$s]
                          online: true
                        inside:
                          trust: [%1$s]
                          online: true
                          allowPrivateAddresses: true
                        demo:
                    """.formatted(root);
            String yaml = TestServers.yaml(dir, true, "", "").replace("\n    demo:\n", profiles);
            try (SignerServer server = TestServers.start(dir, yaml)) {
                HttpResponse<byte[]> outside = post(server, "/v1/verify?trust=outside", "application/pdf", signed, null);
                assertEquals(200, outside.statusCode(), new String(outside.body(), StandardCharsets.UTF_8));
                assertEquals("INDETERMINATE", verdict(outside));
                assertEquals(0, canary.requests(), "nothing reached 127.0.0.1");

                // The same document under a profile that allows private addresses does reach the canary.
                HttpResponse<byte[]> inside = post(server, "/v1/verify?trust=inside", "application/pdf", signed, null);
                assertEquals(200, inside.statusCode(), new String(inside.body(), StandardCharsets.UTF_8));
                assertEquals("INDETERMINATE", verdict(inside));
                assertTrue(canary.requests() > 0, "the private-address profile fetched");
            }
        }
    }

    private static String verdict(HttpResponse<byte[]> response) throws IOException {
        JsonNode report = Json.mapper().readTree(response.body());
        return report.path("verdict").asText();
    }
}
