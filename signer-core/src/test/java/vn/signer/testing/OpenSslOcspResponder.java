package vn.signer.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * OpenSSL's own OCSP responder ({@code openssl ocsp -port}) for the end-entity certificates of a
 * {@link TestPki}, answering as the issuing CA, with an index listing which are revoked.
 */
public final class OpenSslOcspResponder implements AutoCloseable {
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Process process;
    private final int port;

    private OpenSslOcspResponder(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the responder; {@code certificates} are the ones it knows, revoked per the PKI. */
    public static OpenSslOcspResponder start(TestPki pki, List<X509Certificate> certificates, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder index = new StringBuilder();
        for (X509Certificate cert : certificates) {
            Instant revoked = pki.revocationTime(cert.getSerialNumber());
            index.append(revoked == null ? "V" : "R").append('\t')
                    .append(INDEX_TIME.format(cert.getNotAfter().toInstant())).append('\t')
                    .append(revoked == null ? "" : INDEX_TIME.format(revoked)).append('\t')
                    .append(cert.getSerialNumber().toString(16).toUpperCase()).append("\tunknown\t")
                    .append(cert.getSubjectX500Principal().getName()).append('\n');
        }
        Path indexFile = Files.writeString(dir.resolve("index.txt"), index);
        Path caPem = Files.writeString(dir.resolve("ca.pem"), TestPki.pem(pki.issuingCa()));
        Path caKey = Files.writeString(dir.resolve("ca.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pki.issuingCaEntity().key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // OpenSSL 3.0 takes a bare port (it cannot bind to loopback only).
        Path log = dir.resolve("openssl.log");
        Process process = new ProcessBuilder("openssl", "ocsp", "-port", String.valueOf(port), "-ignore_err",
                "-index", indexFile.toString(), "-CA", caPem.toString(), "-rsigner", caPem.toString(),
                "-rkey", caKey.toString(), "-rmd", "sha256", "-ndays", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(log, process);
        return new OpenSslOcspResponder(process, port);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Waits for the responder to say it listens. A test connection would not do: the responder serves
     * one connection at a time and stalls on one that sends nothing.
     */
    private static void awaitListening(Path log, Process process) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("openssl ocsp exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (Files.readString(log).contains("waiting for OCSP client connections")) {
                return;
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IOException("openssl ocsp did not start within 10 s: " + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
