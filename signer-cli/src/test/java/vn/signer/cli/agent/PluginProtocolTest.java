package vn.signer.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.config.OfficerProfile;
import vn.signer.config.ProfileAppearance;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Json;
import vn.signer.sign.Level;
import vn.signer.sign.SigningServices;
import vn.signer.testing.DemoPki;
import vn.signer.testing.EofficeStandIn;
import vn.signer.testing.Samples;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * The Government CA plugin's protocol over real wss on 127.0.0.1, spoken by the JDK's WebSocket client
 * as a page of the e-office stand-in's origin: the four signing operations with their appearances,
 * VALID; what is sent to the upload handler; and what is refused before anything is fetched or the
 * person asked (another origin's addresses, a page of another origin, a redirect, a missing number).
 */
class PluginProtocolTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;

    private EofficeStandIn eoffice;
    private AgentServer agent;
    private AgentCertificate certificate;
    private PipedOutputStream typed;
    private StringWriter shown;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        eoffice = EofficeStandIn.start();
        certificate = AgentCertificate.loadOrMake(dir.resolve("agent"));
        client = HttpClient.newBuilder().sslContext(SigningAgentTest.trusting(certificate)).build();
        eoffice.serve("/files/cong-van-125.pdf", Files.readAllBytes(Samples.pdf(dir)), "application/pdf");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        eoffice.close();
    }

    /** The agent with the key of {@code p12}, the demo images in its profile, answering the stand-in's pages. */
    private void agent(Path p12) throws Exception {
        if (agent != null) {
            agent.close();
        }
        typed = new PipedOutputStream();
        shown = new StringWriter();
        answered = 0;
        Person person = new TerminalPerson(null, new BufferedReader(new InputStreamReader(new PipedInputStream(typed, 4096),
                StandardCharsets.UTF_8)), new PrintWriter(shown, true), VI);
        KeySourceSpec keys = new KeySourceSpec(new KeySourceSpec.Pkcs12(p12), KeySelector.only(),
                new KeySourceSpec.Environment("AGENT_TEST_PIN"));
        Path images = Tools.sample("images");
        OfficerProfile profile = new OfficerProfile(p12.toString(), null, null, new ProfileAppearance(null,
                images.resolve("chu-ky-mau.png").toString(), images.resolve("con-dau-mau.png").toString(), null, null, null, null, null),
                List.of(), List.of(), Level.B, null);
        agent = AgentServer.start(new AgentSetup(Set.of(eoffice.origin("127.0.0.1")), SigningAgentTest.freePort(), 10), certificate,
                keys, KeySelector.only(), new DocumentSetup(Level.B, SigningServices.none(), profile),
                Map.of("AGENT_TEST_PIN", DemoPki.PASSWORD), person, Duration.ofSeconds(20), VI, "test");
    }

    @Test
    @Tag("slow")
    void theLeaderApprovesThenTheClerkIssuesWithSealNumberAndDateAndBothAreValid() throws Exception {
        agent(DemoPki.officerP12());
        CompletableFuture<JsonNode> approved = call("SignApproved", request("/files/cong-van-125.pdf", "/upload"), eoffice.origin("127.0.0.1"));
        confirm("c");
        JsonNode answer = approved.get(60, TimeUnit.SECONDS);
        assertEquals(0, answer.path("Status").asInt(), answer.toString());
        assertEquals("signed/cong-van-125.pdf", answer.path("FileName").asText());
        assertEquals(eoffice.origin("127.0.0.1"), answer.path("FileServer").asText());
        assertTrue(answer.path("Message").asText().contains("Đã lưu"), answer.toString());
        String seen = shown.toString();
        assertTrue(seen.contains("Trang " + eoffice.origin("127.0.0.1") + " yêu cầu ký số"), seen);
        assertTrue(seen.contains("cong-van-125.pdf") && seen.contains("125/SKHCN-VP") && seen.contains("ký duyệt"), seen);
        assertTrue(seen.contains(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Samples.pdf(dir))))), "the downloaded document's hash is shown: " + seen);
        assertTrue(seen.contains(DemoPki.OFFICER_NAME), seen);

        EofficeStandIn.Upload upload = eoffice.uploads().get(0);
        assertEquals("cong-van-125.pdf", upload.fileName());
        assertEquals(Map.of("DocId", "42", "SessionId", "phien-1"), upload.fields());
        assertEquals("Bearer eyJ.token", upload.headers().get("authorization"));
        assertEquals("phien-1", upload.headers().get("x-session-id"));
        EofficeStandIn.Seen download = eoffice.seen().get(0);
        assertEquals("GET /files/cong-van-125.pdf", download.method() + " " + download.path());
        assertEquals("Bearer eyJ.token", download.headers().get("authorization"));

        // The clerk's agent downloads the approved document and issues it.
        eoffice.serve("/files/approved.pdf", upload.pdf(), "application/pdf");
        agent(DemoPki.organisationP12());
        CompletableFuture<JsonNode> issued = call("SignIssued", request("/files/approved.pdf", "/upload"), eoffice.origin("127.0.0.1"));
        confirm("c");
        assertEquals(0, issued.get(60, TimeUnit.SECONDS).path("Status").asInt());
        assertTrue(shown.toString().contains("ban hành"), shown.toString());
        Path out = dir.resolve("issued.pdf");
        Files.write(out, eoffice.uploads().get(1).pdf());
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(out);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size());
        assertEquals(DemoPki.OFFICER_NAME, report.signatures().get(0).signer().commonName());
        assertEquals(DemoPki.ORGANISATION_NAME, report.signatures().get(1).signer().commonName());
    }

    @Test
    void aCopyAndAnAppendixAreSignedWithTheirTextBlocks() throws Exception {
        agent(DemoPki.organisationP12());
        String copy = Json.line(Map.of("FileName", "/files/cong-van-125.pdf", "FileUploadHandler", "/upload",
                "MetaData", List.of(Map.of("Key", "CopyKind", "Value", "SAO LỤC"))));
        CompletableFuture<JsonNode> copied = call("SignCopy", copy, eoffice.origin("127.0.0.1"));
        confirm("c");
        assertEquals(0, copied.get(60, TimeUnit.SECONDS).path("Status").asInt(), shown.toString());
        CompletableFuture<JsonNode> appendix = call("SignAppendix", request("/files/cong-van-125.pdf", "/upload"), eoffice.origin("127.0.0.1"));
        confirm("c");
        assertEquals(0, appendix.get(60, TimeUnit.SECONDS).path("Status").asInt(), shown.toString());
        for (EofficeStandIn.Upload upload : eoffice.uploads()) {
            Path out = Files.write(Files.createTempFile(dir, "signed", ".pdf"), upload.pdf());
            VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(out);
            assertEquals(Verdict.VALID, report.verdict(), report.toString());
        }
        assertEquals(2, eoffice.uploads().size());
    }

    @Test
    void aRefusalAnswersElevenAndUploadsNothing() throws Exception {
        agent(DemoPki.officerP12());
        CompletableFuture<JsonNode> refused = call("SignApproved", request("/files/cong-van-125.pdf", "/upload"), eoffice.origin("127.0.0.1"));
        confirm("k");
        JsonNode answer = refused.get(60, TimeUnit.SECONDS);
        assertEquals(11, answer.path("Status").asInt(), answer.toString());
        assertFalse(answer.path("Message").asText().isBlank());
        assertTrue(eoffice.uploads().isEmpty());
        assertTrue(eoffice.seen().stream().noneMatch(s -> s.method().equals("POST")), eoffice.seen().toString());
    }

    @Test
    void addressesOfAnotherOriginAreRefusedBeforeAnythingIsFetchedOrThePersonAsked() throws Exception {
        agent(DemoPki.officerP12());
        try (EofficeStandIn other = EofficeStandIn.start()) {
            other.serve("/files/cong-van-125.pdf", new byte[] {'%', 'P', 'D', 'F'}, "application/pdf");
            for (String[] addresses : new String[][] {
                    {"/files/cong-van-125.pdf", other.origin("127.0.0.1") + "/upload"},
                    {other.origin("127.0.0.1") + "/files/cong-van-125.pdf", "/upload"},
                    {eoffice.origin("localhost") + "/files/cong-van-125.pdf", "/upload"},
                    {"https://127.0.0.1:" + eoffice.port() + "/files/cong-van-125.pdf", "/upload"},
                    {"//evil.example/files/cong-van-125.pdf", "/upload"},
                    {"http://user@127.0.0.1:" + eoffice.port() + "/files/cong-van-125.pdf", "/upload"}}) {
                JsonNode answer = call("SignApproved", request(addresses[0], addresses[1]), eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
                assertEquals(1, answer.path("Status").asInt(), answer.toString());
                assertTrue(answer.path("Message").asText().contains("không thuộc nguồn"), answer.toString());
            }
            assertTrue(other.seen().isEmpty(), other.seen().toString());
        }
        assertTrue(eoffice.seen().isEmpty(), eoffice.seen().toString());
        assertEquals("", shown.toString(), "the person was not asked");
    }

    @Test
    void aPageOfAnOriginNotAllowedIsRefusedAtTheHandshake() throws Exception {
        agent(DemoPki.officerP12());
        for (String origin : new String[] {eoffice.origin("localhost"), "https://evil.example", "null"}) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> call("SignApproved", request("/files/cong-van-125.pdf", "/upload"), origin).get(30, TimeUnit.SECONDS));
            WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
            assertEquals(403, handshake.getResponse().statusCode());
        }
        assertTrue(eoffice.seen().isEmpty());
        assertEquals("", shown.toString());
    }

    @Test
    void aRedirectIsNotFollowedAndAMissingNumberOrNotAPdfIsRefusedBeforeThePersonIsAsked() throws Exception {
        agent(DemoPki.organisationP12());
        eoffice.redirect("/files/moved.pdf", "/files/cong-van-125.pdf");
        JsonNode moved = call("SignApproved", request("/files/moved.pdf", "/upload"), eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(1, moved.path("Status").asInt());
        assertTrue(moved.path("Message").asText().contains("chuyển hướng"), moved.toString());
        assertEquals(List.of("/files/moved.pdf"), eoffice.seen().stream().map(EofficeStandIn.Seen::path).toList());

        JsonNode unnumbered = call("SignIssued", Json.line(Map.of("FileName", "/files/cong-van-125.pdf", "FileUploadHandler", "/upload")),
                eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(1, unnumbered.path("Status").asInt());
        assertTrue(unnumbered.path("Message").asText().contains("DocNumber"), unnumbered.toString());
        JsonNode notJson = call("SignIssued", "FileName=x", eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(1, notJson.path("Status").asInt());
        assertEquals(1, eoffice.seen().size(), eoffice.seen().toString());

        eoffice.serve("/files/not-a-pdf.pdf", "<html>phiên đăng nhập đã hết hạn</html>".getBytes(StandardCharsets.UTF_8), "text/html");
        JsonNode notPdf = call("SignAppendix", request("/files/not-a-pdf.pdf", "/upload"), eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(1, notPdf.path("Status").asInt(), notPdf.toString());
        assertTrue(eoffice.uploads().isEmpty());
        assertEquals("", shown.toString(), "the person was not asked about what is not a PDF");
    }

    @Test
    void getVersionAndGetCertInfoAnswerWithoutAQuestion() throws Exception {
        agent(DemoPki.organisationP12());
        JsonNode version = call("GetVersion", "", eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(0, version.path("Status").asInt());
        assertEquals("signer test", version.path("Message").asText());
        JsonNode info = call("GetCertInfo", "{}", eoffice.origin("127.0.0.1")).get(30, TimeUnit.SECONDS);
        assertEquals(0, info.path("Status").asInt(), info.toString());
        JsonNode described = Json.mapper().readTree(info.path("Message").asText());
        assertTrue(described.path("subject").asText().contains(DemoPki.ORGANISATION_NAME), described.toString());
        assertTrue(described.path("chain").get(0).asText().startsWith("-----BEGIN CERTIFICATE-----"));
    }

    /** The request an e-office page sends for document 125/SKHCN-VP, issued on 3 December 2026. */
    private static String request(String fileName, String uploadTo) {
        return Json.line(Map.of("FileName", fileName, "FileUploadHandler", uploadTo, "SessionId", "phien-1", "JWTToken", "eyJ.token",
                "MetaData", List.of(Map.of("Key", "DocId", "Value", "42")), "DocNumber", "125/SKHCN-VP", "IssuedDate", "03/12/2026"));
    }

    /** Opens wss://127.0.0.1:PORT/{@code operation} as a page of {@code origin}, sends {@code message}: the one answer. */
    private CompletableFuture<JsonNode> call(String operation, String message, String origin) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        answer.complete(Json.mapper().readTree(text.toString()));
                    } catch (java.io.IOException e) {
                        answer.completeExceptionally(e);
                    }
                }
                socket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                answer.completeExceptionally(error);
            }
        };
        client.newWebSocketBuilder().header("Origin", origin)
                .buildAsync(URI.create("wss://127.0.0.1:" + agent.port() + "/" + operation), listener)
                .thenAccept(socket -> socket.sendText(message, true))
                .exceptionally(error -> {
                    answer.completeExceptionally(error instanceof java.util.concurrent.CompletionException ? error.getCause() : error);
                    return null;
                });
        return answer;
    }

    /** Waits for the next question and types {@code answer}. */
    private void confirm(String answer) throws Exception {
        for (int i = 0; i < 600 && Samples.count(shown.toString(), "Ký? Gõ c") <= answered; i++) {
            Thread.sleep(50);
        }
        assertTrue(Samples.count(shown.toString(), "Ký? Gõ c") > answered, shown.toString());
        answered++;
        typed.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
        typed.flush();
    }

    private int answered;
}
