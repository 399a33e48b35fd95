package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;

/**
 * The server over HTTPS with its own key store, recognising a caller by its TLS client certificate:
 * the certificate alone authenticates a signing caller, no certificate is 401, a certificate from a CA
 * the server does not trust fails the handshake.
 */
@Tag("slow")
class TlsTest {
    private static final char[] PASSWORD = "tls-test-password".toCharArray();

    @TempDir
    static Path dir;
    static SignerServer server;
    static TestPki clientPki;
    static SSLContext withClientCertificate;
    static SSLContext withoutCertificate;
    static SSLContext withUntrustedCertificate;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("password.txt"), new String(PASSWORD) + "\n");
        Path serverStore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=signer TEST", "-ext", "san=ip:127.0.0.1", "-ext", "eku=serverAuth",
                "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", new String(PASSWORD));
        X509Certificate serverCertificate = (X509Certificate) load(serverStore).getCertificate("server");

        clientPki = TestPki.create("TLS clients");
        TestPki.Entity client = clientPki.signer("He thong QLVB", "TEST").issue();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("clients", clientPki.root());
        try (OutputStream out = Files.newOutputStream(dir.resolve("clients.p12"))) {
            trust.store(out, PASSWORD);
        }

        String pki = Tools.sample("demo-pki").toString();
        String yaml = """
                host: 127.0.0.1
                port: 0
                plainHttp: false
                tls:
                  keyStore: %1$s/server.p12
                  keyStorePassword: {file: %1$s/password.txt}
                  trustStore: %1$s/clients.p12
                  trustStorePassword: {file: %1$s/password.txt}
                  clientAuth: want
                tempDir: %1$s/tmp
                audit:
                  file: %1$s/audit.jsonl
                %4$s
                clients:
                  - name: qlvb-by-certificate
                    certificateSha256: %3$s
                    profiles: [organisation]
                profiles:
                  organisation:
                    pkcs12: {file: %2$s/organisation.p12}
                    pin: {file: %2$s/demo-password.txt}
                    trust: demo
                """.formatted(dir, pki, TestServers.sha256Of(client.certificate().getEncoded()),
                        TestServers.verification(true));
        server = TestServers.start(dir, yaml);

        KeyStore serverTrust = KeyStore.getInstance("PKCS12");
        serverTrust.load(null, null);
        serverTrust.setCertificateEntry("server", serverCertificate);
        withClientCertificate = context(client.writePkcs12(dir.resolve("client.p12"), "client", PASSWORD), serverTrust);
        withoutCertificate = context(null, serverTrust);
        TestPki.Entity stranger = TestPki.create("Strangers").signer("Stranger", "TEST").issue();
        withUntrustedCertificate = offeringAnyway(stranger.writePkcs12(dir.resolve("stranger.p12"), "client", PASSWORD), serverTrust);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientCertificateAloneAuthenticatesASigningCaller() throws Exception {
        HttpResponse<byte[]> response = send(withClientCertificate, "/v1/sign?profile=organisation",
                TestServers.bytes(TestServers.SAMPLE_PDF));
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("PAdES-BASELINE-B", response.headers().firstValue("X-Signature-Level").orElseThrow());
        List<String> audit = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertTrue(audit.get(audit.size() - 1).contains("\"qlvb-by-certificate\""), audit.toString());
    }

    @Test
    void withoutACertificateOrKeySigningIsRefusedButHealthAnswersOverTls() throws Exception {
        HttpResponse<byte[]> response = send(withoutCertificate, "/v1/sign?profile=organisation",
                TestServers.bytes(TestServers.SAMPLE_PDF));
        assertEquals(401, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> health = HttpClient.newBuilder().sslContext(withoutCertificate).build().send(
                HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, health.statusCode());
    }

    @Test
    void aCertificateFromAnUntrustedCaFailsTheHandshake() {
        // With TLS 1.3 the server's refusal reaches the client as a handshake failure or, when the client
        // has already sent its request, as the connection closing on it: never as an answer.
        assertThrows(IOException.class, () -> send(withUntrustedCertificate, "/v1/sign?profile=organisation",
                TestServers.bytes(TestServers.SAMPLE_PDF)));
    }

    private static HttpResponse<byte[]> send(SSLContext tls, String path, byte[] pdf) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    private static SSLContext context(Path clientStore, KeyStore trust) throws Exception {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(clientStore == null ? null : load(clientStore), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(clientStore == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    /**
     * A client that offers its certificate even though the server's request names other CAs (Java's
     * own client would then offer none, which is the 401 case).
     */
    private static SSLContext offeringAnyway(Path clientStore, KeyStore trust) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(clientStore), PASSWORD);
        X509ExtendedKeyManager own = (X509ExtendedKeyManager) keyManagers.getKeyManagers()[0];
        X509ExtendedKeyManager always = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"client"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "client";
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return "client";
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return own.getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return own.getPrivateKey(alias);
            }
        };
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {always}, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        return keyStore;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }
}
