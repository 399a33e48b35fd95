package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.certs.CertificateSummary;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.TestPki;

/**
 * 'signer sign' with the demo PKCS#12 file and the SoftHSM2 token: where outputs go, what is never
 * overwritten, the JSON lines, and a batch in which one document fails. Every signed file is checked
 * with 'signer verify'.
 */
@Tag("native")
class SignCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesNameSignedBesideTheInputAndLeavesTheInputAlone() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        byte[] before = Files.readAllBytes(pdf);
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), pdf));
        assertEquals(0, run.exit(), run.toString());
        Path signed = dir.resolve("cong-van-mau-signed.pdf");
        assertTrue(Files.isRegularFile(signed), run.toString());
        assertArrayEquals(before, Files.readAllBytes(pdf), "the input is never changed");
        assertEquals(1, run.outLines().size(), run.toString());
        assertTrue(run.out().startsWith("signed " + pdf + " -> " + signed + " (PAdES-BASELINE-B, Đặng Thị Phượng"),
                run.toString());
        assertEquals("", run.err());
        assertVerifiesAs(signed, "Đặng Thị Phượng");
    }

    @Test
    void signsXmlAsXadesBesideTheInput() {
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), xml));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("XAdES-BASELINE-B"), run.toString());
        assertVerifiesAs(dir.resolve("thong-tin-ho-so-signed.xml"), "Đặng Thị Phượng");
    }

    @Test
    void writesToTheOutputGivenWithDashO() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path out = dir.resolve("sub/ky-so.pdf");
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), "-o", out, pdf));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.isRegularFile(out));
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")), "no default output when -o is given");
        assertVerifiesAs(out, "Đặng Thị Phượng");
    }

    @Test
    void anExistingOutputIsKeptUnlessForce() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path out = dir.resolve("cong-van-mau-signed.pdf");
        Files.writeString(out, "keep me");
        Cli.Run refused = Cli.run(args("sign", Cli.demoP12(), pdf));
        assertEquals(73, refused.exit(), refused.toString());
        assertEquals("keep me", Files.readString(out));
        assertEquals(1, refused.errLines().size(), refused.toString());
        assertTrue(refused.err().startsWith("signer: " + out + ": the output file exists already"), refused.toString());
        assertTrue(refused.err().contains("--force"), refused.toString());

        Cli.Run forced = Cli.run(args("sign", Cli.demoP12(), "--force", pdf));
        assertEquals(0, forced.exit(), forced.toString());
        assertVerifiesAs(out, "Đặng Thị Phượng");
    }

    @Test
    void neverOverwritesTheInputEvenWithForce() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        byte[] before = Files.readAllBytes(pdf);
        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            Cli.Run run = Cli.run(args("sign", Cli.demoP12(), extra, "-o", pdf, pdf));
            assertEquals(64, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().startsWith("signer: " + pdf + ": the output would replace the input"), run.toString());
            assertArrayEquals(before, Files.readAllBytes(pdf));
        }
        // The same file by another name (a link) is still the input.
        Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), pdf);
        Cli.Run linked = Cli.run(args("sign", Cli.demoP12(), "--force", "-o", link, pdf));
        assertEquals(64, linked.exit(), linked.toString());
        assertArrayEquals(before, Files.readAllBytes(pdf));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void dashOWithTwoFilesIsAUsageErrorAndSignsNothing() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), "-o", dir.resolve("out.pdf"), pdf, xml));
        assertEquals(64, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: one output file is named but there are 2 documents"), run.toString());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "nothing written");
        }
    }

    @Test
    void jsonPrintsOneLinePerDocument() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        Instant start = Instant.now().minusSeconds(1);
        Cli.Run run = Cli.run(args("sign", "--json", Cli.demoP12(), pdf, xml));
        assertEquals(0, run.exit(), run.toString());
        List<JsonNode> lines = run.json();
        assertEquals(3, lines.size(), "two documents and the summary: " + run);
        assertLine(line(lines, pdf), pdf, dir.resolve("cong-van-mau-signed.pdf"), "PAdES-BASELINE-B", start);
        assertLine(line(lines, xml), xml, dir.resolve("thong-tin-ho-so-signed.xml"), "XAdES-BASELINE-B", start);
        JsonNode summary = lines.get(2).get("summary");
        assertEquals(2, summary.get("total").asInt(), summary.toString());
        assertEquals(2, summary.get("signed").asInt(), summary.toString());
        assertEquals(0, summary.get("failed").asInt(), summary.toString());
        assertEquals("", run.err());
    }

    /** Documents are done in parallel: their lines come in completion order. */
    private static JsonNode line(List<JsonNode> lines, Path file) {
        return lines.stream().filter(l -> l.has("file") && l.get("file").asText().equals(file.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + file + " in " + lines));
    }

    private static void assertLine(JsonNode line, Path file, Path output, String level, Instant start) {
        assertEquals(file.toString(), line.get("file").asText(), line.toString());
        assertEquals(output.toString(), line.get("output").asText(), line.toString());
        assertEquals("signed", line.get("status").asText(), line.toString());
        assertEquals(level, line.get("level").asText(), line.toString());
        assertTrue(line.get("signer").asText().startsWith("Đặng Thị Phượng"), line.toString());
        Instant time = Instant.parse(line.get("signingTime").asText());
        assertTrue(!time.isBefore(start) && time.isBefore(Instant.now().plus(Duration.ofSeconds(1))), line.toString());
        assertTrue(line.get("ms").isIntegralNumber() && line.get("ms").asLong() >= 0, line.toString());
        assertTrue(Files.isRegularFile(output));
    }

    @Test
    void aFailingDocumentDoesNotStopTheOthers() throws Exception {
        Path first = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path empty = Files.createFile(dir.resolve("trong.pdf"));
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        Cli.Run run = Cli.run(args("sign", "--json", Cli.demoP12(), first, empty, xml));
        assertNotEquals(0, run.exit(), run.toString());
        assertEquals(1, run.exit(), "some signed, some failed: " + run);
        List<JsonNode> lines = run.json();
        assertEquals(4, lines.size(), run.toString());
        assertEquals("signed", line(lines, first).get("status").asText());
        JsonNode failed = line(lines, empty);
        assertEquals("failed", failed.get("status").asText());
        assertEquals("BAD_INPUT", failed.get("error").asText());
        assertTrue(failed.get("message").asText().contains("the file is empty"), failed.toString());
        assertEquals("signed", line(lines, xml).get("status").asText());
        assertEquals(1, lines.get(3).get("summary").get("failed").asInt(), run.toString());
        Cli.Run onlyBad = Cli.run(args("sign", Cli.demoP12(), empty));
        assertEquals(65, onlyBad.exit(), "nothing signed: the failure's own code: " + onlyBad);
        assertTrue(Files.isRegularFile(dir.resolve("cong-van-mau-signed.pdf")));
        assertTrue(Files.isRegularFile(dir.resolve("thong-tin-ho-so-signed.xml")));
        assertFalse(Files.exists(dir.resolve("trong-signed.pdf")));
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: " + empty + ": the file is empty"), run.toString());
    }

    @Test
    void signsOnTheTokenWithTheKeyChosenByLabelIdOrCertificateHash() throws Exception {
        SoftHsm hsm = SoftHsm.token();
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        List<String> token = List.of("--pkcs11", hsm.module().toString(), "--token-label", SoftHsm.LABEL,
                "--pin-file", Cli.TOKEN_PIN.toString());

        Path byLabel = dir.resolve("by-label.pdf");
        Cli.Run run = Cli.run(args("sign", token, "--key", "officer", "-o", byLabel, pdf));
        assertEquals(0, run.exit(), run.toString());
        assertVerifiesAs(byLabel, "Đặng Thị Phượng");

        Path byId = dir.resolve("by-id.pdf");
        run = Cli.run(args("sign", token, "--key-id", "02", "-o", byId, pdf));
        assertEquals(0, run.exit(), run.toString());
        assertVerifiesAs(byId, "Sở Khoa học và Công nghệ tỉnh Sông Lam");

        Path byHash = dir.resolve("by-hash.pdf");
        String sha = CertificateSummary.sha256Hex(hsm.ecSigner().certificate());
        run = Cli.run(args("sign", token, "--cert-sha256", sha, "-o", byHash, pdf));
        assertEquals(0, run.exit(), run.toString());
        TestPki.PkiFiles ecPki = hsm.ecPki().written(dir.resolve("ec-pki"));
        Cli.Run verified = Cli.run(args("verify", "--json", "--trust", ecPki.rootPem(), "--intermediate",
                ecPki.issuingCaPem(), "--crl", ecPki.rootCrl(), "--crl", ecPki.issuingCaCrl(), "--offline", byHash));
        assertEquals(0, verified.exit(), verified.toString());
        JsonNode signature = verified.json().get(0).get("signatures").get(0);
        assertEquals("Trần Thị Ánh", signature.get("signer").get("commonName").asText());
        assertTrue(signature.get("signatureAlgorithm").asText().startsWith("ECDSA"), signature.toString());
    }

    @Test
    void aTokenWithSeveralKeysAndNoKeyChoiceNamesTheKeys() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run("sign", "--pkcs11", SoftHsm.token().module().toString(), "--token-label", SoftHsm.LABEL,
                "--pin-file", Cli.TOKEN_PIN.toString(), pdf.toString());
        assertEquals(78, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("officer") && run.err().contains("organisation"), run.toString());
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));
    }

    @Test
    void severalTokensAndNoTokenChoiceIsAUsageErrorNamingThem() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run("sign", "--pkcs11", SoftHsm.token().module().toString(), "--key", "officer",
                "--pin-file", Cli.TOKEN_PIN.toString(), pdf.toString());
        assertEquals(64, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(SoftHsm.LABEL) && run.err().contains(SoftHsm.SECOND_LABEL), run.toString());
    }

    /**
     * 'signer verify' says the file is VALID and signed by {@code commonName}. The issuing CA is
     * given because a token holds only the signer's certificate, so its signatures carry no chain.
     */
    static void assertVerifiesAs(Path signed, String commonName) {
        Cli.Run run = Cli.run(args("verify", "--json", Cli.demoTrust(), "--intermediate",
                Cli.DEMO_PKI.resolve("issuing-ca.pem"), signed));
        assertEquals(0, run.exit(), run.toString());
        JsonNode report = run.json().get(0);
        assertEquals("VALID", report.get("verdict").asText(), run.toString());
        assertEquals(commonName, report.get("signatures").get(0).get("signer").get("commonName").asText());
    }
}
