package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.PkiServices;
import vn.signer.testing.TestPki;

/**
 * A request that overrides the reason or location of an LT profile is signed by the profile's prepared
 * signer with other options: it asks the TSA and the OCSP responder exactly what a request without
 * overrides asks (no preflight of the chain per request).
 */
class OverridePreflightTest {
    @TempDir
    Path dir;

    @Test
    void overridesAddNoRequestToTheProfilesServices() throws Exception {
        try (PkiServices services = PkiServices.start("server-overrides")) {
            TestPki.Entity signer = services.pki().signer("Văn Thư", "Sở TEST").issue();
            Path p12 = signer.writePkcs12(dir.resolve("seal.p12"), "seal", "pw".toCharArray());
            Path pin = Files.writeString(dir.resolve("pin.txt"), "pw\n");
            Path root = Files.writeString(dir.resolve("root.pem"), TestPki.pem(services.pki().root()), StandardCharsets.US_ASCII);
            String yaml = TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                      seal:
                        pkcs12: {file: %1$s}
                        pin: {file: %2$s}
                        level: LT
                        tsa: [%3$s]
                        trust: loopback
                        allowOverride: [reason, location]
                    """.formatted(p12, pin, services.tsaUrl()))
                    .replace("profiles: [organisation]", "profiles: [organisation, seal]")
                    .replace("\n    demo:\n", """

                        loopback:
                          trust: [%s]
                          online: true
                          allowPrivateAddresses: true
                        demo:
                    """.formatted(root));
            try (SignerServer server = TestServers.start(dir, yaml)) {
                int plain = requestsFor(services, server, "/v1/sign?profile=seal");
                int overridden = requestsFor(services, server, "/v1/sign?profile=seal&reason=Ph%C3%AA%20duy%E1%BB%87t&location=H%C3%A0%20N%E1%BB%99i");
                assertTrue(plain > 0, "an LT signature asks the TSA and the OCSP responder");
                assertEquals(plain, overridden, "the overridden request asked no more than the plain one");
            }
        }
    }

    private static int requestsFor(PkiServices services, SignerServer server, String pathAndQuery) {
        int before = services.hits();
        HttpResponse<byte[]> signed = TestServers.post(server, pathAndQuery, "application/pdf",
                TestServers.bytes(TestServers.SAMPLE_PDF), TestServers.API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        assertTrue(signed.headers().firstValue("X-Signature-Level").orElse("").endsWith("-LT"), signed.headers().toString());
        return services.hits() - before;
    }
}
