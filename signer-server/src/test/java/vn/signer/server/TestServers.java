package vn.signer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.Tools;

/** Servers for tests: a YAML configuration on the demo PKI, started by the same factory as main, on a free loopback port. */
final class TestServers {
    static final String API_KEY = "DEMO-signer-api-key";
    static final String OTHER_KEY = "another-client-key";
    static final Path SAMPLE_PDF = Tools.sample("documents/cong-van-mau.pdf");
    static final Path SAMPLE_XML = Tools.sample("documents/thong-tin-ho-so.xml");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestServers() {
    }

    /** The demo configuration with {@code extra} YAML appended to its limits, verification open or not. */
    static String yaml(Path dir, boolean openVerification, String limits, String extraProfiles) {
        String pki = Tools.sample("demo-pki").toString();
        return """
                host: 127.0.0.1
                port: 0
                plainHttp: true
                tempDir: %1$s/tmp
                limits:
                %4$s
                audit:
                  file: %1$s/audit.jsonl
                %3$s
                clients:
                  - name: dms
                    apiKeySha256: %5$s
                    profiles: [organisation]
                  - name: portal
                    apiKeySha256: %6$s
                    profiles: [officer]
                profiles:
                  organisation:
                    pkcs12: {file: %2$s/organisation.p12}
                    pin: {file: %2$s/demo-password.txt}
                    trust: demo
                    reason: Ban hành
                    allowOverride: [reason, location]
                  officer:
                    pkcs12: {file: %2$s/officer.p12}
                    pin: {file: %2$s/demo-password.txt}
                    trust: demo
                %7$s
                """.formatted(dir, pki, verification(openVerification), limits, sha256(API_KEY), sha256(OTHER_KEY), extraProfiles);
    }

    /** The configuration's verification section: the demo PKI's root, issuing CA and CRLs as profile "demo". */
    static String verification(boolean open) {
        String pki = Tools.sample("demo-pki").toString();
        return """
                verification:
                  open: %2$s
                  profiles:
                    demo:
                      trust: [%1$s/root-ca.pem]
                      intermediates: [%1$s/issuing-ca.pem]
                      crls: [%1$s/root.crl, %1$s/issuing-ca.crl]""".formatted(pki, open);
    }

    /** {@code yaml} with the verification page enabled at {@code path}. */
    static String withPage(String yaml, String path) {
        return yaml.replace("verification:\n", "verification:\n  page: {enabled: true, path: " + path + "}\n");
    }

    static SignerServer start(Path dir, String yaml) {
        try {
            Path file = dir.resolve("server.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return SignerServer.start(ServerConfig.load(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        return java.util.HexFormat.of().formatHex(vn.signer.server.auth.Authenticator.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpRequest.Builder request(SignerServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> post(SignerServer server, String pathAndQuery, String contentType, byte[] body, String apiKey) {
        HttpRequest.Builder builder = request(server, pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return send(builder.build());
    }

    static HttpResponse<byte[]> get(SignerServer server, String path, String apiKey) {
        HttpRequest.Builder builder = request(server, path).GET();
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        return send(builder.build());
    }

    /** A multipart/form-data body with one part "document". */
    static byte[] multipart(String boundary, String filename, byte[] content) {
        return multipart(boundary, List.of(new Part("document", filename, content)));
    }

    /** One file part of a form. */
    record Part(String field, String filename, byte[] content) {
    }

    /** A multipart/form-data body with {@code parts}, in their order. */
    static byte[] multipart(String boundary, List<Part> parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\"; filename=\""
                    + part.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(part.content());
            all.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Of(byte[] data) {
        return java.util.HexFormat.of().formatHex(vn.signer.server.auth.Authenticator.sha256(data));
    }
}
