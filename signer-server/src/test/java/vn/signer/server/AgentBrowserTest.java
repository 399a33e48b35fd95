package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.BrowserScript;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.Tools;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * The whole of issue 15's web signing with real parts: Debian's chromium runs the demo e-office page of
 * the real server, which signs through the real agent ({@code signer agent}, a process of the CLI's jar)
 * with the SoftHSM2 token. Chromium trusts the agent's own certificate by its key
 * (--ignore-certificate-errors-spki-list, the pinning path), and the person's PIN and answers are typed
 * into the agent's terminal input as its prompts appear.
 */
@Tag("browser")
@Tag("native")
@Tag("slow")
class AgentBrowserTest {
    @TempDir
    static Path dir;
    static SignerServer server;
    static Process agent;
    static AgentTerminal terminal;
    static String spki;

    @BeforeAll
    static void start() throws Exception {
        SoftHsm token = SoftHsm.token();
        Files.createDirectories(dir.resolve("tmp"));
        String yaml = TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                splitSigning:
                  profiles:
                    web:
                      signers: demo
                      reason: Ký duyệt văn bản
                      allowOverride: [appearance, docNumber, issuedDate, anchor]
                      appearance:
                        image: %1$s/chu-ky-mau.png
                        seal: %1$s/con-dau-mau.png
                demo:
                  enabled: true
                  document: %2$s
                  agent: https://127.0.0.1:%3$d
                """.formatted(Tools.sample("images"), TestServers.SAMPLE_PDF, agentPort()))
                .replace("profiles: [organisation]", "profiles: [organisation, web]");
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        server = SignerServer.start(ServerConfig.load(file));

        agent = agentProcess(List.of("--pkcs11", token.module().toString(), "--token-label", SoftHsm.LABEL,
                "--origin", "http://127.0.0.1:" + server.port(), "--port", String.valueOf(agentPort()), "--confirm", "terminal",
                "--confirm-seconds", "20", "--folder", dir.resolve("agent").toString()));
        terminal = new AgentTerminal(agent);
        terminal.await("signer agent: đang lắng nghe", Duration.ofSeconds(60));
        spki = spki(dir.resolve("agent"));
    }

    /** Starts {@code signer --lang vi agent ARGUMENTS} from the CLI's jar, with SoftHSM2's configuration; errors go to its output. */
    static Process agentProcess(List<String> arguments) throws IOException {
        Path jar = Tools.repo().resolve("signer-cli/target/signer-cli.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is not built: run 'mvn verify' (or package signer-cli first)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--lang", "vi", "agent"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SOFTHSM2_CONF", System.getenv("SOFTHSM2_CONF"));
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** The SHA-256 of the public key of the agent's TLS certificate in {@code folder}, base64: what chromium pins. */
    static String spki(Path folder) throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(folder.resolve("agent-tls.crt"))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void sayYes() {
        terminal.answers.clear();
    }

    private static int port;

    private static synchronized int agentPort() throws IOException {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        }
        return port;
    }

    private static Tools.Result page(String scenario, String host, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("SCENARIO", scenario);
        environment.put("PAGE_URL", "http://" + host + ":" + server.port() + "/demo/");
        environment.put("CHROMIUM_EXTRA_ARGS", "--ignore-certificate-errors-spki-list=" + spki);
        environment.put("OFFICER_NAME", DemoPki.OFFICER_NAME);
        environment.put("ORGANISATION_NAME", DemoPki.ORGANISATION_NAME);
        return BrowserScript.pass("agent-demo.mjs", environment, Duration.ofMinutes(5));
    }

    @Test
    void theOfficerApprovesAndTheClerkIssuesThroughTheAgentAndBothSignaturesAreValid() throws Exception {
        Path out = dir.resolve("issued.pdf");
        int rounds = 3;
        Tools.Result result = page("sign", "127.0.0.1", Map.of("OUT", out.toString(), "ROUNDS", String.valueOf(rounds)));
        byte[] pdf = Files.readAllBytes(out);
        VerificationReport report = SplitSigningTest.verifyDemo(pdf);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size());
        assertEquals(DemoPki.OFFICER_NAME, report.signatures().get(0).signer().commonName());
        assertEquals(DemoPki.ORGANISATION_NAME, report.signatures().get(1).signer().commonName());
        Path nss = Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()), List.of(DemoPki.issuingCa()), List.of());
        String pdfsig = Samples.assertPdfsigSays(out, nss, Samples.PDFSIG_VALID);
        assertEquals(2, Samples.count(pdfsig, Samples.PDFSIG_VALID), pdfsig);

        String seen = terminal.text();
        assertTrue(seen.contains("Trang http://127.0.0.1:" + server.port() + " yêu cầu ký số"), seen);
        assertTrue(seen.contains("Theo trang web http://127.0.0.1:" + server.port()), seen);
        assertTrue(seen.contains("125/SKHCN-VP"), seen);
        assertEquals(1, Samples.count(seen, "Mã PIN của"), "the PIN was asked once, the token stayed logged in: " + seen);
        // The baseline, in the same run: the same two split signings without the browser and the agent,
        // the key on the same token used from here.
        List<Long> direct = new ArrayList<>();
        try (vn.signer.keys.KeySource token = DemoPki.openToken()) {
            for (int round = 0; round < rounds; round++) {
                byte[] document = TestServers.bytes(TestServers.SAMPLE_PDF);
                long started = System.nanoTime();
                document = direct(token.key(DemoPki.officerOnToken()), "?profile=web&appearance=personal&anchor="
                        + java.net.URLEncoder.encode(DemoPki.OFFICER_NAME, StandardCharsets.UTF_8).replace("+", "%20"), document);
                direct.add((System.nanoTime() - started) / 1_000_000);
                started = System.nanoTime();
                direct(token.key(vn.signer.keys.KeySelector.label("organisation")),
                        "?profile=web&appearance=organisation&docNumber=125%2FSKHCN-VP&issuedDate=2026-12-03", document);
                direct.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        System.out.println("one signing, click to result, through the page and the agent, ms: " + timings(result.stdout())
                + "; the same split signing without browser and agent, ms: " + direct);
    }

    /** Prepare, sign the prepared data with the token here, complete: the signed document. */
    private static byte[] direct(vn.signer.keys.SigningKey key, String query, byte[] document) {
        com.fasterxml.jackson.databind.JsonNode prepared = SplitSigningTest.prepared(
                SplitSigningTest.prepare(server, query, document, key.chain(), TestServers.API_KEY));
        byte[] value = key.signPrepared(SplitSigningTest.dataToSign(prepared), vn.signer.keys.SignatureScheme.Digest.SHA256);
        java.net.http.HttpResponse<byte[]> signed = SplitSigningTest.complete(server, prepared.path("session").asText(), value,
                TestServers.API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        return signed.body();
    }

    @Test
    void aRefusalAnswersCancelledAndNothingIsSigned() {
        terminal.answers.add("k");
        page("cancel", "127.0.0.1", Map.of());
        assertTrue(terminal.text().contains("Đã từ chối"), terminal.text());
    }

    @Test
    void aPageOfAnotherOriginIsNotAnsweredAndThePersonIsNotAsked() {
        int asked = Samples.count(terminal.text(), "yêu cầu ký số");
        page("foreign", "localhost", Map.of());
        assertEquals(asked, Samples.count(terminal.text(), "yêu cầu ký số"));
    }

    @Test
    void aTamperedSignatureValueIsRefusedAtComplete() {
        page("tamper", "127.0.0.1", Map.of());
    }

    @Test
    void parametersAddedAtCompleteChangeNothing() throws Exception {
        Path out = dir.resolve("parameters.pdf");
        page("parameters", "127.0.0.1", Map.of("OUT", out.toString()));
        VerificationReport report = SplitSigningTest.verifyDemo(Files.readAllBytes(out));
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals("PAdES-BASELINE-B", report.signatures().get(0).level());
        assertFalse(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1).contains("changed by the page"));
    }

    private static List<Long> timings(String output) {
        List<Long> millis = new ArrayList<>();
        output.lines().filter(l -> l.startsWith("timing ")).forEach(l -> millis.add(Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))));
        return millis;
    }

    /**
     * The agent's terminal: its output is kept, and each confirmation prompt gets the next answer queued
     * (y by default), each PIN prompt the token's PIN, as a person would type them.
     */
    static final class AgentTerminal {
        private final StringBuilder text = new StringBuilder();
        final List<String> answers = Collections.synchronizedList(new ArrayList<>());
        private final OutputStream input;
        private final Process process;

        /** The terminal of {@code process}, a running {@code signer agent} whose error stream goes to its output. */
        AgentTerminal(Process process) {
            this.process = process;
            this.input = process.getOutputStream();
            Thread reader = new Thread(() -> read(process.getInputStream()), "agent-terminal");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream output) {
            byte[] buffer = new byte[4096];
            int confirmations = 0;
            int pins = 0;
            try {
                for (int n; (n = output.read(buffer)) > 0; ) {
                    String now;
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        now = text.toString();
                    }
                    while (Samples.count(now, "Mã PIN của") > pins) {
                        pins++;
                        type(SoftHsm.PIN);
                    }
                    while (Samples.count(now, "Ký? Gõ c") > confirmations) {
                        confirmations++;
                        type(answers.isEmpty() ? "c" : answers.remove(0));
                    }
                }
            } catch (IOException e) {
                synchronized (text) {
                    text.append("\n[the agent's output ended: ").append(e.getMessage()).append(']');
                }
            }
        }

        private void type(String line) throws IOException {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        void await(String expected, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (!text().contains(expected)) {
                if (System.nanoTime() > end || !process.isAlive()) {
                    throw new AssertionError("the agent did not say '" + expected + "': " + text());
                }
                Thread.sleep(100);
            }
        }
    }
}
