package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.testing.DemoPki;
import vn.signer.testing.DetachedSamples;
import vn.signer.testing.TestPki;
import vn.signer.testing.VerdictSamples;

/**
 * The verification page (verification.page) at a configured path, with verification otherwise closed:
 * the form, the four verdicts, the results' downloads, the language, the headers (a strict CSP, no
 * cookie), the page's refusals as pages, and POST /v1/verify?format=pdf.
 */
class VerificationPageTest {
    private static final String PAGE = "/kiem-tra";
    private static final String BOUNDARY = "page-test-boundary";
    @TempDir
    static Path dir;
    static SignerServer server;
    static VerdictSamples samples;
    static DetachedSamples detached;

    @BeforeAll
    static void start() {
        samples = VerdictSamples.write(dir.resolve("samples"));
        detached = DetachedSamples.write(dir.resolve("detached"));
        server = TestServers.start(dir, TestServers.withPage(TestServers.yaml(dir, false,
                "  requestsPerSecond: 1000\n  burst: 1000\n  maxRequestBytes: 2000000", ""), PAGE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> upload(Path file, String query, String acceptLanguage) {
        HttpRequest.Builder request = TestServers.request(server, PAGE + query)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServers.multipart(BOUNDARY, file.getFileName().toString(),
                        TestServers.bytes(file))));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return TestServers.send(request.build());
    }

    /** Posts {@code document} with {@code contents} as its detached contents and answers the result's id. */
    private static String uploadWithContent(Path document, String query, Path... contents) {
        List<TestServers.Part> parts = new ArrayList<>();
        parts.add(new TestServers.Part("document", document.getFileName().toString(), TestServers.bytes(document)));
        for (Path content : contents) {
            parts.add(new TestServers.Part("detached", content.getFileName().toString(), TestServers.bytes(content)));
        }
        HttpResponse<byte[]> posted = TestServers.send(TestServers.request(server, PAGE + query)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServers.multipart(BOUNDARY, parts))).build());
        assertEquals(303, posted.statusCode(), text(posted));
        return posted.headers().firstValue("Location").orElseThrow().replaceAll(".*id=([^&]+).*", "$1");
    }

    private static String resultPage(String id, String lang) {
        return text(TestServers.get(server, PAGE + "/report?id=" + id + "&lang=" + lang, null));
    }

    /** Uploads {@code file} and follows the 303 to its result page. */
    private static String result(Path file, String query, String acceptLanguage) {
        HttpResponse<byte[]> posted = upload(file, query, acceptLanguage);
        assertEquals(303, posted.statusCode(), text(posted));
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(PAGE + "/report?id="), location);
        HttpResponse<byte[]> page = TestServers.get(server, location, null);
        assertEquals(200, page.statusCode());
        assertPageHeaders(page.headers());
        return text(page);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertPageHeaders(HttpHeaders headers) {
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'self'") && !csp.contains("unsafe"), csp);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(headers.firstValue("Set-Cookie").isPresent(), "no cookie");
    }

    private static String between(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(?:<span[^>]*>[^<]*</span> )?([^<]*)<").matcher(html);
        assertTrue(m.find(), id + " in " + html);
        return m.group(1);
    }

    @Test
    void theFormIsVietnameseByDefaultWithoutScriptOrStyleInlineAndWithoutAnApiKey() {
        HttpResponse<byte[]> form = TestServers.get(server, PAGE, null);
        assertEquals(200, form.statusCode());
        assertPageHeaders(form.headers());
        String html = text(form);
        assertTrue(html.contains("<html lang=\"vi\">") && html.contains("Kiểm tra văn bản có chữ ký số"), html);
        assertTrue(html.contains("enctype=\"multipart/form-data\"") && html.contains("<label for=\"document\">"), html);
        assertFalse(html.contains("<script>") || html.contains("style=") || html.contains("<style") || html.contains(" on"), html);
        assertTrue(html.contains("src=\"" + PAGE + "/assets/verify.js\""), html);
        HttpResponse<byte[]> english = TestServers.send(TestServers.request(server, PAGE).header("Accept-Language", "en-GB,en;q=0.8").GET().build());
        assertTrue(text(english).contains("<html lang=\"en\">"));
        HttpResponse<byte[]> any = TestServers.send(TestServers.request(server, PAGE).header("Accept-Language", "*").GET().build());
        assertTrue(text(any).contains("<html lang=\"vi\">"), "Vietnamese first");
    }

    @Test
    void theAssetsAreServedWithTheirTypes() {
        HttpResponse<byte[]> css = TestServers.get(server, PAGE + "/assets/verify.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        HttpResponse<byte[]> js = TestServers.get(server, PAGE + "/assets/verify.js", null);
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertFalse(text(css).contains("http") || text(js).contains("http://") || text(js).contains("https://"), "nothing external");
    }

    @Test
    void aValidDocumentIsGreenWithTheSignersCardAndTheTimeline() {
        String html = result(samples.valid(), "", null);
        assertTrue(html.contains("class=\"verdict verdict-valid\""), html);
        assertEquals("Chữ ký hợp lệ", between(html, "verdict"));
        assertTrue(html.contains("<dt>Người ký</dt><dd>" + DemoPki.OFFICER_NAME + "</dd>"), html);
        assertTrue(html.contains("<dt>CA gốc tin cậy</dt><dd>C=VN,O=signer DEMO PKI,CN=signer DEMO Root CA</dd>"), html);
        assertTrue(html.contains("Phiên bản 1: do " + DemoPki.OFFICER_NAME), html);
        assertTrue(html.contains(TestServers.sha256Of(TestServers.bytes(samples.valid()))), "the document's hash");
    }

    @Test
    void aTamperedOneIsRedAnUntrustedOneAmberAnUnsignedOneGrey() {
        String tampered = result(samples.tampered(), "", null);
        assertEquals("Chữ ký không hợp lệ", between(tampered, "verdict"));
        assertTrue(tampered.contains("verdict-invalid"));
        String untrusted = result(samples.untrusted(), "", null);
        assertEquals("Không đủ thông tin xác thực", between(untrusted, "verdict"));
        assertTrue(untrusted.contains("verdict-indeterminate") && untrusted.contains("Người Lạ"));
        String unsigned = result(samples.unsigned(), "", null);
        assertEquals("Không có chữ ký", between(unsigned, "verdict"));
        assertTrue(unsigned.contains("verdict-no-signature"));
        assertEquals("Invalid signature", between(result(samples.tampered(), "?lang=en", null), "verdict"));
        assertEquals("No signature", between(result(samples.unsigned(), "", "en"), "verdict"));
    }

    @Test
    void aResultIsReadInTheOtherLanguageAndDownloadedAsPdfAndJsonWhileKept() throws IOException {
        HttpResponse<byte[]> posted = upload(samples.valid(), "", null);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String id = location.replaceAll(".*id=([^&]+).*", "$1");
        String english = text(TestServers.get(server, PAGE + "/report?id=" + id + "&lang=en", null));
        assertEquals("Valid signature", between(english, "verdict"));
        HttpResponse<byte[]> pdf = TestServers.get(server, PAGE + "/report.pdf?id=" + id + "&lang=vi", null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertTrue(text.contains("Báo cáo kiểm tra chữ ký số") && text.contains("Chữ ký hợp lệ")
                    && text.contains(DemoPki.OFFICER_NAME), text);
        }
        JsonNode json = Json.mapper().readTree(TestServers.get(server, PAGE + "/report.json?id=" + id, null).body());
        assertEquals("VALID", json.get("verdict").asText());
        assertEquals("hop-le.pdf", json.get("file").asText());
        HttpResponse<byte[]> unknown = TestServers.get(server, PAGE + "/report.pdf?id=nothing-kept", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(text(unknown).contains("không còn được lưu"), text(unknown));
        assertPageHeaders(unknown.headers());
    }

    @Test
    void aDetachedXmlSignatureIsValidWithItsContentIndeterminateWithoutAndInvalidWithItChanged() {
        String valid = uploadWithContent(detached.signature(), "", detached.content());
        assertEquals("Chữ ký hợp lệ", between(resultPage(valid, "vi"), "verdict"));
        assertEquals("Valid signature", between(resultPage(valid, "en"), "verdict"));

        String without = uploadWithContent(detached.signature(), "");
        String vi = resultPage(without, "vi");
        assertEquals("Không đủ thông tin xác thực", between(vi, "verdict"), vi);
        assertTrue(vi.contains("chưa có nội dung đã ký: đây là chữ ký tách rời, nội dung được ký (" + DetachedSamples.NAME + ")"), vi);
        String en = resultPage(without, "en");
        assertTrue(en.contains("the signed content was not given: this is a detached signature"), en);

        String changed = uploadWithContent(detached.signature(), "?lang=en", detached.changed());
        assertEquals("Invalid signature", between(resultPage(changed, "en"), "verdict"));
        assertEquals("Chữ ký không hợp lệ", between(resultPage(changed, "vi"), "verdict"));
    }

    @Test
    void aDetachedContentIsFoundByItsNameOrItsBytesAndAnotherFileIsNotTakenForIt() throws IOException {
        Path renamed = java.nio.file.Files.copy(detached.content(), dir.resolve("ban-sao.xml"));
        // The signed bytes under another name, beside an unrelated file: DSS finds them by their digest.
        assertEquals("Valid signature", between(resultPage(uploadWithContent(detached.signature(), "", samples.unsigned(), renamed),
                "en"), "verdict"));
        // One file alone is taken as the content whatever its name (as DSS, and signer verify --detached, do):
        // an unrelated one is not what was signed.
        assertEquals("Invalid signature", between(resultPage(uploadWithContent(detached.signature(), "", samples.unsigned()),
                "en"), "verdict"));
        // Several unrelated files: none has the reference's name or the signed bytes, so what was signed is not there.
        String id = uploadWithContent(detached.signature(), "", samples.unsigned(), samples.valid());
        String en = resultPage(id, "en");
        assertTrue(en.contains("class=\"verdict verdict-indeterminate\""), en);
        assertTrue(en.contains("the signed content " + DetachedSamples.NAME + " was not among the files given"), en);
    }

    @Test
    void theReportNamesTheDetachedContentAndItsSha256() throws IOException {
        String id = uploadWithContent(detached.signature(), "", detached.content());
        String sha256 = TestServers.sha256Of(TestServers.bytes(detached.content()));
        for (String lang : List.of("vi", "en")) {
            HttpResponse<byte[]> pdf = TestServers.get(server, PAGE + "/report.pdf?id=" + id + "&lang=" + lang, null);
            assertEquals(200, pdf.statusCode());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", "");
                assertTrue(text.contains(DetachedSamples.NAME) && text.contains(sha256), text);
                assertTrue(text.contains(lang.equals("vi") ? "Nộidungđãkýtáchrời" : "Detachedsignedcontent"), text);
            }
        }
        assertTrue(resultPage(id, "en").contains("<dt>Detached signed content</dt><dd>" + DetachedSamples.NAME + " (SHA-256 "
                + sha256 + ")</dd>"), resultPage(id, "en"));
    }

    @Test
    void theFormOffersTheDetachedContentInputLabelled() {
        String html = text(TestServers.get(server, PAGE, null));
        assertTrue(html.contains("<label for=\"detached\">Nội dung đã ký của chữ ký XML tách rời"), html);
        assertTrue(html.contains("<input type=\"file\" id=\"detached\" name=\"detached\" multiple"), html);
    }

    @Test
    void refusalsArePagesInThePagesLanguage() {
        HttpResponse<byte[]> notPdf = upload(dir.resolve("samples").resolve("khong-tin-cay.pdf.p12"), "", null);
        assertEquals(400, notPdf.statusCode());
        assertTrue(notPdf.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertPageHeaders(notPdf.headers());
        assertTrue(between(text(notPdf), "error").contains("không phải văn bản PDF hay XML"), text(notPdf));
        HttpResponse<byte[]> tooLarge = TestServers.send(TestServers.request(server, PAGE + "?lang=en")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServers.multipart(BOUNDARY, "big.pdf", new byte[2_100_000]))).build());
        assertEquals(413, tooLarge.statusCode());
        assertTrue(text(tooLarge).contains("<html lang=\"en\">") && text(tooLarge).contains("larger than this server accepts"),
                text(tooLarge));
        HttpResponse<byte[]> unreadable = TestServers.send(TestServers.request(server, PAGE)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"document\"")).build());
        assertEquals(400, unreadable.statusCode());
        assertTrue(text(unreadable).contains("role=\"alert\""), text(unreadable));
    }

    @Test
    void theApiStillNeedsItsKeyAndGivesThePdfReportToSystems() throws IOException {
        HttpResponse<byte[]> refused = TestServers.post(server, "/v1/verify", "application/pdf", TestServers.bytes(samples.valid()), null);
        assertEquals(401, refused.statusCode());
        HttpResponse<byte[]> pdf = TestServers.post(server, "/v1/verify?format=pdf&lang=vi", "application/pdf",
                TestServers.bytes(samples.valid()), TestServers.API_KEY);
        assertEquals(200, pdf.statusCode(), text(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertTrue(text.contains("Chữ ký hợp lệ") && text.contains(DemoPki.OFFICER_NAME), text);
        }
        HttpResponse<byte[]> badFormat = TestServers.post(server, "/v1/verify?format=docx", "application/pdf",
                TestServers.bytes(samples.valid()), TestServers.API_KEY);
        assertEquals(400, badFormat.statusCode());
        assertTrue(text(badFormat).contains("format must be json or pdf"), text(badFormat));
    }

    @Test
    void aHostileSubjectIsInertOnThePage() {
        TestPki.Entity evil = TestPki.create("hostile").signer("<script>alert(1)</script>", "<img src=x onerror=alert(2)>").issue();
        Path signed = VerdictSamples.signedBy(evil, samples.unsigned(), dir.resolve("samples").resolve("hostile.pdf"));
        String html = result(signed, "", null);
        // The only markup is the page's own: one script element, its own, and no image.
        assertEquals(1, html.split("<script", -1).length - 1, html);
        assertFalse(html.contains("<img") || html.contains("<script\\>"), html);
        // The names are there as text (with the RFC 4514 escapes the certificate's subject gets).
        assertTrue(html.contains("<dt>Người ký</dt><dd>\\&lt;script"), html);
        assertTrue(html.contains("&lt;img src"), html);
    }

    @Test
    void withoutAnApiKeyThePageIsStillRateLimitedByAddress(@TempDir Path own) {
        String yaml = TestServers.withPage(TestServers.yaml(own, false, "  requestsPerSecond: 0.1\n  burst: 2", ""), "/");
        try (SignerServer limited = TestServers.start(own, yaml)) {
            int refused = 0;
            for (int i = 0; i < 4; i++) {
                HttpResponse<byte[]> form = TestServers.get(limited, "/", null);
                if (form.statusCode() == 429) {
                    refused++;
                    assertTrue(text(form).contains("quá nhiều yêu cầu"), text(form));
                    assertTrue(form.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
                    assertPageHeaders(form.headers());
                }
            }
            assertEquals(2, refused, "a burst of 2, then 429");
        }
    }
}
