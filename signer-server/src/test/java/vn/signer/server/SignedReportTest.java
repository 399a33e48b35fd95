package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.VerdictSamples;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** verification.reportProfile: the PDF report to keep is signed by the server's profile, VALID in signer and in pdfsig. */
class SignedReportTest {
    @TempDir
    static Path dir;
    static SignerServer server;
    static VerdictSamples samples;

    @BeforeAll
    static void start() {
        samples = VerdictSamples.write(dir.resolve("samples"));
        String yaml = TestServers.withPage(TestServers.yaml(dir, false, "  requestsPerSecond: 1000\n  burst: 1000", ""), "/")
                .replace("verification:\n", "verification:\n  reportProfile: organisation\n");
        server = TestServers.start(dir, yaml);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path report(Path file) throws Exception {
        HttpResponse<byte[]> pdf = TestServers.post(server, "/v1/verify?format=pdf&lang=vi", "application/pdf",
                TestServers.bytes(file), TestServers.API_KEY);
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        return Files.write(dir.resolve("report-" + file.getFileName()), pdf.body());
    }

    @Test
    void theReportIsSignedByTheServersProfileAndAudited() throws Exception {
        // The report of an INVALID document is itself a VALID signed document: it says the document is invalid.
        Path report = report(samples.tampered());
        VerificationReport checked = DocumentVerifier.create(DemoPki.settings()).verify(report);
        assertEquals(Verdict.VALID, checked.verdict());
        assertEquals(DemoPki.ORGANISATION_NAME, checked.signatures().get(0).signer().commonName());
        String audit = Files.readString(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"action\":\"report\""), audit);
    }

    @Test
    void thePagesDownloadIsSignedToo() throws Exception {
        HttpResponse<byte[]> posted = TestServers.post(server, "/", "multipart/form-data; boundary=b",
                TestServers.multipart("b", "hop-le.pdf", TestServers.bytes(samples.valid())), null);
        String location = posted.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> pdf = TestServers.get(server, location.replace("/report?", "/report.pdf?"), null);
        assertEquals(200, pdf.statusCode());
        Path file = Files.write(dir.resolve("page-report.pdf"), pdf.body());
        assertEquals(Verdict.VALID, DocumentVerifier.create(DemoPki.settings()).verify(file).verdict());
    }

    @Tag("native")
    @Test
    void pdfsigFindsTheReportsSignatureValidAndTrusted() throws Exception {
        Path report = report(samples.valid());
        Path nss = Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()), List.of(DemoPki.issuingCa()), DemoPki.crls());
        Samples.assertPdfsigSays(report, nss, Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
    }
}
