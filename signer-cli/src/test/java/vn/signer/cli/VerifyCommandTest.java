package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Canary;
import vn.signer.testing.ReportFacts;
import vn.signer.testing.SignedSamples;
import vn.signer.testing.TestPki;
import vn.signer.testing.XmlCorpus;

/**
 * 'signer verify' offline against the demo root: the verdict of each kind of file (valid, tampered,
 * untrusted, unsigned, missing, not a PDF), its exit code, the worst code for several files, and the
 * JSON report.
 */
class VerifyCommandTest {
    @TempDir
    static Path dir;

    static Path valid;
    static Path tampered;
    static Path untrusted;
    static Path unsigned;
    static Path validXml;

    @BeforeAll
    static void signFiles() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        unsigned = pdf;
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), pdf, xml));
        assertEquals(0, run.exit(), run.toString());
        valid = dir.resolve("cong-van-mau-signed.pdf");
        validXml = dir.resolve("thong-tin-ho-so-signed.xml");
        tampered = tamper(valid, dir.resolve("tampered.pdf"));

        // A well-formed signature by a key of another PKI, which the demo root does not vouch for.
        TestPki.Entity stranger = TestPki.create("CLI stranger").signer("Người Lạ", "Tổ chức khác (TEST)").issue();
        Path p12 = stranger.writePkcs12(dir.resolve("stranger.p12"), "stranger", "test-pass".toCharArray());
        untrusted = dir.resolve("untrusted.pdf");
        run = Cli.run(Map.of("P", "test-pass"), args("sign", "--pkcs12", p12, "--pin-env", "P", "-o", untrusted, pdf));
        assertEquals(0, run.exit(), run.toString());
    }

    /**
     * Flips one byte inside the first signed byte range (in the original document's first stream),
     * so that the file still parses but no longer matches the signed digest.
     */
    private static Path tamper(Path signed, Path out) throws Exception {
        byte[] bytes = Files.readAllBytes(signed);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int byteRange = text.indexOf("/ByteRange");
        String[] range = text.substring(text.indexOf('[', byteRange) + 1, text.indexOf(']', byteRange)).trim().split("\\s+");
        int firstRangeEnd = Integer.parseInt(range[1]);
        int at = text.indexOf("stream\n") + "stream\n".length() + 500;
        assertTrue(at < firstRangeEnd, "the flipped byte is inside the signed range");
        bytes[at] ^= 0x01;
        return Files.write(out, bytes);
    }

    private static Cli.Run verify(Object... more) {
        return Cli.run(args("verify", Cli.demoTrust(), List.of(more)));
    }

    @Test
    void aValidSignedPdfIsValid() {
        Cli.Run run = verify(valid);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith(valid + ": VALID (1 signature)"), run.toString());
        assertTrue(run.out().contains("Đặng Thị Phượng (Sở Khoa học và Công nghệ tỉnh Sông Lam): VALID"), run.toString());
        assertTrue(run.out().contains("covers the whole document"), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void offlineFetchesNothingAndOnlineReachesTheDocumentsLoopbackAddresses() throws Exception {
        try (Canary canary = Canary.start()) {
            TestPki pki = TestPki.create("CLI canary", canary.url());
            Path signed = SignedSamples.pdfEmbeddingOnlyTheSigner(pki.signer("Người Ký", "Sở TEST").issue(), dir);
            Path root = Files.writeString(dir.resolve("canary-root.pem"), TestPki.pem(pki.root()), StandardCharsets.US_ASCII);
            Cli.Run offline = Cli.run(args("verify", "--trust", root, "--offline", signed));
            assertEquals(2, offline.exit(), offline.toString());
            assertEquals(0, canary.requests(), "--offline fetched nothing");
            // The person running the CLI chose the document: its 127.0.0.1 addresses are asked.
            Cli.Run online = Cli.run(args("verify", "--trust", root, signed));
            assertEquals(2, online.exit(), online.toString());
            assertTrue(canary.requests() > 0, online.toString());
        }
    }

    @Test
    void aValidSignedXmlIsValid() {
        Cli.Run run = verify(validXml);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith(validXml + ": VALID"), run.toString());
    }

    @Test
    void jsonIsOneObjectPerFile() {
        Instant before = Instant.now();
        Cli.Run run = verify("--json", valid, unsigned);
        assertEquals(3, run.exit(), run.toString());
        List<JsonNode> reports = run.json();
        assertEquals(2, reports.size(), run.toString());

        JsonNode report = reports.get(0);
        assertEquals(valid.toString(), report.get("file").asText());
        assertEquals("VALID", report.get("verdict").asText());
        assertEquals(1, report.get("signatures").size());
        JsonNode signature = report.get("signatures").get(0);
        assertEquals("VALID", signature.get("verdict").asText());
        assertTrue(signature.get("reasons").isArray() && signature.get("reasons").isEmpty(), signature.toString());
        assertEquals("Đặng Thị Phượng", signature.get("signer").get("commonName").asText());
        assertEquals("Sở Khoa học và Công nghệ tỉnh Sông Lam", signature.get("signer").get("organization").asText());
        assertTrue(Instant.parse(signature.get("signingTime").asText()).isBefore(before), signature.toString());
        assertEquals("PAdES-BASELINE-B", signature.get("level").asText());
        assertTrue(signature.get("coversWholeDocument").asBoolean(), signature.toString());

        assertEquals(unsigned.toString(), reports.get(1).get("file").asText());
        assertEquals("NO_SIGNATURE", reports.get(1).get("verdict").asText());
        assertEquals(0, reports.get(1).get("signatures").size());
    }

    @Test
    void theJsonIsTheSameInEveryLanguageButItsMessages() {
        Cli.Run english = Cli.run(Map.of("LANG", "C"), args("verify", "--json", Cli.demoTrust(), valid, tampered, untrusted));
        Cli.Run vietnamese = Cli.run(Map.of("LANG", "vi_VN.UTF-8"),
                args("verify", "--json", Cli.demoTrust(), valid, tampered, untrusted));
        assertEquals(english.exit(), vietnamese.exit(), vietnamese.toString());
        List<JsonNode> en = english.json();
        List<JsonNode> vi = vietnamese.json();
        List<String> enMessages = new java.util.ArrayList<>();
        List<String> viMessages = new java.util.ArrayList<>();
        en.forEach(report -> ReportFacts.withoutMessages(report, enMessages));
        vi.forEach(report -> ReportFacts.withoutMessages(report, viMessages));
        assertEquals(en, vi, "keys, codes, args and structure do not depend on LANG");
        assertFalse(enMessages.isEmpty(), english.toString());
        assertEquals(enMessages.size(), viMessages.size());
        for (int i = 0; i < enMessages.size(); i++) {
            assertFalse(enMessages.get(i).equals(viMessages.get(i)), "not translated: " + enMessages.get(i));
        }
    }

    @Test
    void aTamperedFileIsInvalidWithAReason() {
        Cli.Run run = verify("--json", tampered);
        assertEquals(1, run.exit(), run.toString());
        JsonNode signature = run.json().get(0).get("signatures").get(0);
        assertEquals("INVALID", signature.get("verdict").asText());
        assertTrue(signature.get("reasons").toString().contains("changed after signing"), signature.toString());
        assertTrue(verify(tampered).out().contains(": INVALID"));
    }

    @Test
    void aSignatureByAnUntrustedKeyIsIndeterminate() {
        Cli.Run run = verify("--json", untrusted);
        assertEquals(2, run.exit(), run.toString());
        JsonNode signature = run.json().get(0).get("signatures").get(0);
        assertEquals("INDETERMINATE", signature.get("verdict").asText());
        assertEquals("Người Lạ", signature.get("signer").get("commonName").asText());
        assertFalse(signature.get("reasons").isEmpty(), signature.toString());
        assertTrue(signature.get("coversWholeDocument").asBoolean(), "intact, only not trusted: " + signature);
    }

    @Test
    void withoutTrustAnchorsTheDemoSignatureIsIndeterminate() {
        Cli.Run run = Cli.run("verify", "--offline", valid.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.out().contains(": INDETERMINATE"), run.toString());
        // The reason is core's, naming no option; the command line says which of its options supplies the root.
        assertTrue(run.out().contains("does not lead to a trusted root (the root CA is not trusted"), run.toString());
        assertTrue(run.out().contains("what to do: give the root CA with --trust"), run.toString());
    }

    @Test
    void anUnsignedPdfHasNoSignature() {
        Cli.Run run = verify(unsigned);
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.out().startsWith(unsigned + ": NO_SIGNATURE"), run.toString());
    }

    @Test
    void severalFilesExitWithTheWorstCode() {
        assertEquals(0, verify(valid, validXml).exit());
        assertEquals(3, verify(valid, unsigned).exit());
        assertEquals(2, verify(unsigned, untrusted, valid).exit());
        assertEquals(1, verify(valid, untrusted, tampered, unsigned).exit());
        assertEquals(1, verify(tampered, valid).exit());
        Cli.Run all = verify(valid, tampered, untrusted, unsigned);
        assertEquals(4, all.out().lines().filter(l -> !l.startsWith(" ")).count(), "a report for every file: " + all);
    }

    @Test
    void aMissingFileIs66WithOneLineAndTheOthersAreStillVerified() {
        Path missing = dir.resolve("khong-co.pdf");
        Cli.Run run = verify(missing);
        assertEquals(66, run.exit(), run.toString());
        assertEquals(List.of("signer: " + missing + ": no such file — check the path"), run.errLines());

        Cli.Run mixed = verify("--json", valid, missing);
        assertEquals(66, mixed.exit(), mixed.toString());
        List<JsonNode> lines = mixed.json();
        assertEquals(2, lines.size(), mixed.toString());
        assertEquals("VALID", lines.get(0).get("verdict").asText());
        assertEquals(missing.toString(), lines.get(1).get("file").asText());
        assertEquals("INPUT_MISSING", lines.get(1).get("error").asText());
    }

    @Test
    void aTruncatedHmacSignatureIsAnInvalidVerdictNotAnError() {
        Path hmac = new XmlCorpus(TestPki.create("CLI hmac"), dir.resolve("hmac"), "http://127.0.0.1:9")
                .named("hmac-output-length-64").write(dir);
        Cli.Run run = verify("--json", hmac);
        assertEquals(ExitCodes.SOME_INVALID, run.exit(), run.toString());
        JsonNode signature = run.json().get(0).get("signatures").get(0);
        assertEquals("INVALID", signature.get("verdict").asText());
        assertEquals("XMLDSig", signature.get("level").asText());
        assertTrue(signature.get("reasons").get(0).get("message").asText().contains("HMACOutputLength under 80"), signature.toString());
    }

    @Test
    void aPngNamedPdfIs65() throws Exception {
        Path png = dir.resolve("anh.pdf");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Cli.Run run = verify(png);
        assertEquals(65, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: " + png + ": not a PDF or XML document (it is a PNG image)"), run.toString());
    }
}
