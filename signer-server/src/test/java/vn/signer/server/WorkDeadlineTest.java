package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.testing.PdfAttacks;

/**
 * Work stops when its client goes or its deadline passes, and its slot is free again at once; a
 * request's headers have a deadline of their own. The slow document is a signed PDF whose every page,
 * heavy to draw, is rewritten after signing: verification draws each page of both revisions.
 */
@Tag("slow")
class WorkDeadlineTest {
    private static final int PAGES = 120;

    @TempDir
    static Path shared;
    private static byte[] slowPdf;

    @TempDir
    Path dir;

    @BeforeAll
    static void slowDocument() throws Exception {
        Path unsigned = shared.resolve("heavy.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < PAGES; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                COSStream content = doc.getDocument().createCOSStream();
                try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                    StringBuilder ops = new StringBuilder();
                    for (int i = 0; i < 20_000; i++) {
                        ops.append(i % 28 * 20).append(' ').append(i / 28 % 40 * 20).append(" 30 30 re f\n");
                    }
                    out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
                }
                page.getCOSObject().setItem(COSName.CONTENTS, content);
            }
            doc.save(unsigned.toFile());
        }
        Path signed = shared.resolve("signed.pdf");
        try (SignerServer server = TestServers.start(shared, TestServers.yaml(shared, true, "  maxConcurrentRequests: 1", ""))) {
            HttpResponse<byte[]> response = post(server, "/v1/sign?profile=organisation", "application/pdf", bytes(unsigned), API_KEY);
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            Files.write(signed, response.body());
        }
        // The same drawing with one more operator on every page: the objects differ, so both revisions are drawn.
        Path edited = shared.resolve("edited.pdf");
        PdfAttacks.update(signed, edited, doc -> {
            for (PDPage page : doc.getPages()) {
                COSStream content = (COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
                byte[] ops;
                try (var in = content.createInputStream()) {
                    ops = in.readAllBytes();
                }
                try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(ops);
                    out.write("0 g\n".getBytes(StandardCharsets.US_ASCII));
                }
                content.setNeedToBeUpdated(true);
                page.getCOSObject().setNeedToBeUpdated(true);
            }
        });
        slowPdf = Files.readAllBytes(edited);
    }

    private static String request(byte[] body) {
        return "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: " + body.length + "\r\n\r\n";
    }

    private static final String VERIFYING = "vn.signer.verify.DocumentVerifier";
    private static final String DRAWING = "vn.signer.verify.PageContent";

    /** Whether a worker thread is running code of {@code className} now. */
    private static boolean working(String className) {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().getName().startsWith("signer-work-")
                && Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(className)));
    }

    /** Polls {@link #working} until it is {@code wanted}; returns how long that took, in ms. */
    private static long until(String className, boolean wanted, long timeoutMillis) throws InterruptedException {
        long start = System.nanoTime();
        while (working(className) != wanted) {
            assertTrue(System.nanoTime() - start < timeoutMillis * 1_000_000, className + (wanted ? " started" : " stopped")
                    + " within " + timeoutMillis + " ms");
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aClientThatGoesFreesItsSlotAtOnce() throws Exception {
        // One work slot: while the slow verification holds it, any other verification waits a second and gets 503.
        String limits = "  maxConcurrentRequests: 1\n  requestsPerSecond: 1000\n  burst: 1000\n";
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, limits, ""))) {
            long verifyMillis;
            try (RawHttp client = new RawHttp(server, "127.0.0.2")) {
                client.send(request(slowPdf));
                long start = System.nanoTime();
                client.send(slowPdf);
                // Mid-verification: drawing the pages of both revisions, which takes most of its time.
                until(DRAWING, true, 30_000);
                verifyMillis = (System.nanoTime() - start) / 1_000_000;
            }
            long closed = System.nanoTime();
            long stoppedMillis = until(VERIFYING, false, 2_500);
            HttpResponse<byte[]> honest = post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null);
            long answeredMillis = (System.nanoTime() - closed) / 1_000_000;
            assertEquals(200, honest.statusCode(), new String(honest.body(), StandardCharsets.UTF_8));
            System.out.printf("client gone after %d ms of verification: work stopped %d ms later, the next verification "
                    + "answered %d ms after the close%n", verifyMillis, stoppedMillis, answeredMillis);
            assertTrue(Files.readString(dir.resolve("audit.jsonl")).contains("\"CLIENT_GONE\""), "audited");
            assertTrue(metrics(server).contains("signer_errors_total{kind=\"CLIENT_GONE\"}"), "counted");
        }
    }

    @Test
    void workPastItsDeadlineIsStoppedAndAnsweredJson() throws Exception {
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, "  workSeconds: 1\n", ""))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = post(server, "/v1/verify", "application/pdf", slowPdf, null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertError(response, 504, "WORK_TIMEOUT");
            JsonNode body = Json.mapper().readTree(response.body());
            assertTrue(body.path("message").asText().contains("limits.workSeconds"), body.toString());
            assertTrue(millis < 3_000, "answered soon after its deadline: " + millis + " ms");
            long stopped = until(VERIFYING, false, 2_500);
            System.out.printf("deadline 1 s: answered 504 after %d ms, work stopped %d ms after the answer%n", millis, stopped);
            assertTrue(Files.readString(dir.resolve("audit.jsonl")).contains("\"WORK_TIMEOUT\""), "audited");
            assertTrue(metrics(server).contains("signer_errors_total{kind=\"WORK_TIMEOUT\"}"), "counted");
            // The same document with time enough is verified: its pages are compared, not refused.
            assertEquals(200, post(server, "/v1/verify", "application/pdf", bytes(SAMPLE_PDF), null).statusCode());
        }
    }

    @Test
    void headersThatTrickleAreAnswered408() throws Exception {
        try (SignerServer server = TestServers.start(dir, TestServers.yaml(dir, true, "  headerDeadlineSeconds: 1\n", ""));
             RawHttp trickling = new RawHttp(server, "127.0.0.3");
             RawHttp idle = new RawHttp(server, "127.0.0.4")) {
            long start = System.nanoTime();
            trickling.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\n");
            RawHttp.Answer answer = null;
            // A header byte every 100 ms: each restarts the idle timeout, never the header deadline.
            for (int i = 0; i < 50 && answer == null; i++) {
                try {
                    trickling.send("X");
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(100);
                if (trickling.available()) {
                    answer = trickling.read();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer != null, "answered");
            assertEquals(408, answer.status(), answer.body());
            assertEquals("REQUEST_TIMEOUT", Json.mapper().readTree(answer.body()).path("error").asText());
            assertTrue(millis < 2_500, "within the deadline and a sweep: " + millis + " ms");
            assertTrue(trickling.closedByServer(), "the connection is closed");
            // A connection that has sent nothing yet is the idle timeout's, and still serves a request.
            idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, idle.read().status());
            assertTrue(Files.readString(dir.resolve("audit.jsonl")).contains("http 408"), "audited");
            assertTrue(metrics(server).contains("signer_errors_total{kind=\"REQUEST_TIMEOUT\"}"), "counted");
        }
    }

    private static String metrics(SignerServer server) {
        return new String(TestServers.get(server, "/metrics", null).body(), StandardCharsets.UTF_8);
    }
}
