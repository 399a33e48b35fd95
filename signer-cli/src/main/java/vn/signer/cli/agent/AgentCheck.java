package vn.signer.cli.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import vn.signer.Problem;

/**
 * What {@code signer agent --check} finds about the agent's own parts, beside the key store (which the
 * command opens itself): its TLS certificate, whether the browsers' NSS database trusts it (Chromium
 * and Firefox on Linux), and whether its port is free, in use by a running agent, or held by another program.
 */
public final class AgentCheck {
    /** How bad a finding is. */
    public enum Severity { OK, WARNING, PROBLEM }

    /**
     * @param severity how bad
     * @param problem  what was found, in the Messages bundle
     */
    public record Finding(Severity severity, Problem problem) {
        static Finding of(Severity severity, String key, Object... facts) {
            return new Finding(severity, Problem.in(AgentSetup.BUNDLE, key, facts));
        }
    }

    private AgentCheck() {
    }

    /** The findings about the certificate in {@code folder} and the port of {@code settings}. */
    public static List<Finding> check(AgentSetup settings, Path folder, Path home) {
        List<Finding> findings = new ArrayList<>();
        X509Certificate certificate = AgentCertificate.kept(folder);
        if (certificate == null) {
            findings.add(Finding.of(Severity.WARNING, "agent.check.noCertificate", folder.toString()));
        } else {
            findings.add(Finding.of(Severity.OK, "agent.check.certificate", folder.resolve(AgentCertificate.CERTIFICATE_FILE).toString(),
                    AgentCertificate.spkiSha256(certificate), certificate.getNotAfter().toInstant().toString()));
            findings.add(nss(certificate, home.resolve(".pki/nssdb")));
        }
        findings.add(port(settings.port(), certificate));
        return findings;
    }

    /** Whether Chromium's (and the system's) NSS database on Linux holds this certificate, where that can be told. */
    static Finding nss(X509Certificate certificate, Path nssdb) {
        if (!Files.isDirectory(nssdb)) {
            return Finding.of(Severity.OK, "agent.check.nssAbsent", nssdb.toString());
        }
        List<String> command = List.of("certutil", "-d", "sql:" + nssdb, "-L", "-a", "-n", AgentTrust.NICKNAME);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String listed = new String(process.getInputStream().readNBytes(64 * 1024), StandardCharsets.US_ASCII);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Finding.of(Severity.WARNING, "agent.check.nssUnknown", nssdb.toString(), "certutil did not answer");
            }
            String ours = java.util.Base64.getEncoder().encodeToString(certificate.getEncoded());
            return process.exitValue() == 0 && listed.replaceAll("\\s", "").contains(ours)
                    ? Finding.of(Severity.OK, "agent.check.nssTrusted", nssdb.toString())
                    : Finding.of(Severity.WARNING, "agent.check.nssUntrusted", nssdb.toString());
        } catch (IOException e) {
            return Finding.of(Severity.WARNING, "agent.check.nssUnknown", nssdb.toString(), String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the agent's certificate cannot be encoded again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.of(Severity.WARNING, "agent.check.nssUnknown", nssdb.toString(), "interrupted");
        }
    }

    /** Free, a running agent (it answers TLS with our certificate), or another program's. */
    static Finding port(int port, X509Certificate ours) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            return Finding.of(Severity.OK, "agent.check.portFree", String.valueOf(port));
        } catch (IOException e) {
            return ours != null && answersWith(port, ours) ? Finding.of(Severity.OK, "agent.check.running", String.valueOf(port))
                    : Finding.of(Severity.PROBLEM, "agent.check.portTaken", String.valueOf(port));
        }
    }

    private static boolean answersWith(int port, X509Certificate ours) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("agent", ours);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/v1/agent"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 403 || answer.statusCode() == 200;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
