package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.appearance.Appearance;
import vn.signer.appearance.AppearanceMode;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SigningServices;
import vn.signer.testing.BrowserScript;
import vn.signer.testing.DemoPki;
import vn.signer.testing.EofficeStandIn;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * The Government CA plugin's protocol with real parts: Debian's chromium runs an e-office page written
 * for vgcaplugin.js ({@code new WebSocket('wss://127.0.0.1:PORT/SignIssued')}, one JSON string), served
 * by a loopback stand-in of the e-office server with its upload handler; the real agent ({@code signer
 * agent} from the CLI's jar, its key and seal from the officer's configuration file) downloads the
 * approved document, the clerk confirms and gives the token's PIN in its terminal, and it uploads the
 * issued document. The upload is VALID in signer's verify and in pdfsig, with the seal's number and
 * date in the page's text; a refusal, an upload handler of another origin and a page of an origin not
 * allowed send nothing.
 */
@Tag("browser")
@Tag("native")
@Tag("slow")
class PluginBrowserTest {
    private static final String NUMBER = "125/SKHCN-VP";

    @TempDir
    static Path dir;
    static EofficeStandIn eoffice;
    static EofficeStandIn other;
    static Process agent;
    static AgentBrowserTest.AgentTerminal terminal;
    static String spki;
    static int port;
    static byte[] approved;

    @BeforeAll
    static void start() throws Exception {
        SoftHsm token = SoftHsm.token();
        approved = approvedByTheLeader();
        eoffice = EofficeStandIn.start();
        eoffice.serve("/vgca.html", Files.readAllBytes(Tools.repo().resolve("browser-tests/pages/vgca-eoffice.html")), "text/html; charset=utf-8")
                .serve("/files/cong-van-125.pdf", approved, "application/pdf");
        other = EofficeStandIn.start();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // The clerk's configuration: the organisation's key on the token and the seal; the e-office's origin.
        Path config = dir.resolve("officer.yaml");
        Files.writeString(config, """
                profiles:
                  seal:
                    pkcs11: {module: %s, tokenLabel: %s}
                    key: {label: organisation}
                    appearance:
                      mode: organisation
                      seal: %s
                agent:
                  origins: [%s]
                  profile: seal
                """.formatted(token.module(), SoftHsm.LABEL, Tools.sample("images/con-dau-mau.png"), eoffice.origin("127.0.0.1")),
                StandardCharsets.UTF_8);
        agent = AgentBrowserTest.agentProcess(List.of("--config", config.toString(), "--port", String.valueOf(port),
                "--confirm", "terminal", "--confirm-seconds", "20", "--folder", dir.resolve("agent").toString()));
        terminal = new AgentBrowserTest.AgentTerminal(agent);
        terminal.await("signer agent: đang lắng nghe", Duration.ofSeconds(60));
        spki = AgentBrowserTest.spki(dir.resolve("agent"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (eoffice != null) {
            eoffice.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void sayYes() {
        terminal.answers.clear();
    }

    /** The sample công văn with the leader's personal signature, which the seal then covers. */
    private static byte[] approvedByTheLeader() throws IOException {
        Path approved = dir.resolve("approved.pdf");
        try (KeySource officer = DemoPki.openP12(DemoPki.officerP12())) {
            SignatureOptions options = SignatureOptions.builder().appearance(Appearance.builder(AppearanceMode.PERSONAL)
                    .image(Tools.sample("images/chu-ky-mau.png")).anchor(DemoPki.OFFICER_NAME).build()).build();
            DocumentSigner.create(officer.key(KeySelector.only()), options, SigningServices.none())
                    .sign(Samples.pdf(dir.resolve("sample")), approved, false);
        }
        return Files.readAllBytes(approved);
    }

    private static Tools.Result page(String scenario, String host, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("SCENARIO", scenario);
        environment.put("PAGE_URL", eoffice.origin(host) + "/vgca.html?agent=" + port);
        environment.put("CHROMIUM_EXTRA_ARGS", "--ignore-certificate-errors-spki-list=" + spki);
        return BrowserScript.pass("vgca-plugin.mjs", environment, Duration.ofMinutes(5));
    }

    @Test
    void thePageIssuesTheDocumentThroughTheAgentAndTheUploadIsValidWithSealNumberAndDate() throws Exception {
        int uploads = eoffice.uploads().size();
        int rounds = 5;
        Tools.Result result = page("issued", "127.0.0.1", Map.of("ROUNDS", String.valueOf(rounds)));
        assertEquals(uploads + rounds, eoffice.uploads().size());
        EofficeStandIn.Upload upload = eoffice.uploads().get(eoffice.uploads().size() - 1);
        assertEquals("cong-van-125.pdf", upload.fileName());
        assertEquals("125", upload.fields().get("DocId"));
        assertEquals("phien-cua-van-thu", upload.fields().get("SessionId"));
        assertTrue(upload.headers().get("authorization").startsWith("Bearer eyJ"), upload.headers().toString());
        Path issued = Files.write(dir.resolve("issued.pdf"), upload.pdf());

        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(issued);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size());
        assertEquals(DemoPki.OFFICER_NAME, report.signatures().get(0).signer().commonName());
        assertEquals(DemoPki.ORGANISATION_NAME, report.signatures().get(1).signer().commonName());
        Path nss = Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()), List.of(DemoPki.issuingCa()), List.of());
        String pdfsig = Samples.assertPdfsigSays(issued, nss, Samples.PDFSIG_VALID);
        assertEquals(2, Samples.count(pdfsig, Samples.PDFSIG_VALID), pdfsig);
        Tools.Result text = Tools.run(List.of("pdftotext", "-enc", "UTF-8", issued.toString(), "-"));
        Tools.check(text, "pdftotext");
        assertTrue(text.stdout().contains("Số: " + NUMBER), text.stdout());
        assertTrue(text.stdout().contains("Ngày: 03/12/2026"), text.stdout());

        String seen = terminal.text();
        assertTrue(seen.contains("Trang " + eoffice.origin("127.0.0.1") + " yêu cầu ký số"), seen);
        assertTrue(seen.contains("ban hành") && seen.contains(NUMBER) && seen.contains("cong-van-125.pdf"), seen);
        assertEquals(1, Samples.count(seen, "Mã PIN của"), "the PIN was asked once, the token stayed logged in: " + seen);

        // The baseline, in the same run: the same issuance by core with the same key, no browser, agent or transfer.
        List<Long> direct = new ArrayList<>();
        Path input = Files.write(dir.resolve("approved-again.pdf"), approved);
        try (KeySource tokenKeys = DemoPki.openToken()) {
            DocumentSigner signer = DocumentSigner.create(tokenKeys.key(KeySelector.label("organisation")), SignatureOptions.builder()
                    .appearance(Appearance.builder(AppearanceMode.ORGANISATION).seal(Tools.sample("images/con-dau-mau.png"))
                            .docNumber(NUMBER).issuedDate(LocalDate.of(2026, 12, 3)).build()).build(), SigningServices.none());
            for (int round = 0; round < rounds; round++) {
                long started = System.nanoTime();
                signer.sign(input, dir.resolve("direct-" + round + ".pdf"), false);
                direct.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        List<Long> through = new ArrayList<>();
        result.stdout().lines().filter(l -> l.startsWith("timing ")).forEach(l -> through.add(Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))));
        System.out.println("one VGCA-protocol issuance, call to answer, through the page, the agent, download and upload, ms: " + through
                + "; the same issuance by core with the same key, ms: " + direct);
    }

    @Test
    void aRefusalAnswersElevenAndUploadsNothing() {
        int uploads = eoffice.uploads().size();
        terminal.answers.add("k");
        page("cancel", "127.0.0.1", Map.of());
        assertEquals(uploads, eoffice.uploads().size());
        assertTrue(terminal.text().contains("Đã từ chối"), terminal.text());
    }

    @Test
    void anUploadHandlerOfAnotherOriginIsRefusedAndNothingIsSentThere() {
        int asked = Samples.count(terminal.text(), "yêu cầu ký số");
        int fetched = eoffice.seen().size();
        page("foreignUpload", "127.0.0.1", Map.of("OTHER_UPLOAD", other.origin("127.0.0.1") + "/upload"));
        assertTrue(other.seen().isEmpty(), other.seen().toString());
        assertEquals(asked, Samples.count(terminal.text(), "yêu cầu ký số"), "the person was not asked");
        // The page itself was fetched again; the document was not.
        assertTrue(eoffice.seen().subList(fetched, eoffice.seen().size()).stream().noneMatch(s -> s.path().startsWith("/files/")),
                eoffice.seen().toString());
    }

    @Test
    void aPageOfAnOriginNotAllowedIsRefusedAtTheHandshake() {
        int asked = Samples.count(terminal.text(), "yêu cầu ký số");
        int fetched = eoffice.seen().size();
        page("foreignPage", "localhost", Map.of());
        assertEquals(asked, Samples.count(terminal.text(), "yêu cầu ký số"));
        assertTrue(eoffice.seen().subList(fetched, eoffice.seen().size()).stream().noneMatch(s -> s.path().startsWith("/files/")));
    }
}
