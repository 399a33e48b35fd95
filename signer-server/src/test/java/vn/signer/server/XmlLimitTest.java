package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.SAMPLE_XML;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XML over limits.maxXmlBytes is 413 naming the limit, to sign and to verify, before any work; PDFs are not held to it. */
class XmlLimitTest {
    @TempDir
    Path dir;

    @Test
    void anXmlOverTheLimitIs413NamingIt() {
        byte[] xml = bytes(SAMPLE_XML);
        String limits = "  maxXmlBytes: " + (xml.length - 1) + "\n";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            for (HttpResponse<byte[]> refused : new HttpResponse[] {
                    post(server, "/v1/verify", "application/xml", xml, null),
                    post(server, "/v1/sign?profile=organisation", "application/xml", xml, API_KEY)}) {
                assertError(refused, 413, "TOO_LARGE");
                assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("more than limits.maxXmlBytes"),
                        new String(refused.body(), StandardCharsets.UTF_8));
            }
            assertEquals(200, post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null).statusCode());
        }
        String roomy = "  maxXmlBytes: " + xml.length + "\n";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, roomy, ""))) {
            assertEquals(200, post(server, "/v1/sign?profile=organisation", "application/xml", xml, API_KEY).statusCode());
        }
    }
}
