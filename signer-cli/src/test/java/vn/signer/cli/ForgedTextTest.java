package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.TestPki;

/**
 * Text output cannot be forged (issue 12): a certificate whose common name holds a newline and a fake
 * second signature line, ESC sequences and a bidi override, and file names holding a newline and ESC,
 * each print as one line with the characters escaped; JSON keeps them exact.
 */
class ForgedTextTest {
    private static final String COMMON_NAME = "Nguyễn Văn A\n  #2 Bo Truong: VALID\u001b[32m";
    private static final String SHOWN_NAME = "Nguyễn Văn A\\n  #2 Bo Truong: VALID\\u001b[32m";
    private static final String ORGANISATION = "Sở \u202eTEST";
    private static final String SHOWN_ORGANISATION = "Sở \\u202eTEST";
    private static final String FILE_NAME = "cv\nsigned x.pdf -> y.pdf (forged)\u001b[2K.pdf";

    @TempDir
    static Path dir;

    static TestPki.PkiFiles pki;
    static Path p12;
    static Path signed;

    @BeforeAll
    static void signWithTheForgingCertificate() {
        TestPki testPki = TestPki.create("forged names");
        pki = testPki.written(dir.resolve("pki"));
        p12 = testPki.signer(COMMON_NAME, ORGANISATION).issue().writePkcs12(dir.resolve("forger.p12"), "forger", "pw".toCharArray());
        signed = dir.resolve("signed.pdf");
        Cli.Run run = sign("-o", signed, Cli.SAMPLE_PDF);
        assertEquals(0, run.exit(), run.toString());
        assertEquals(1, run.outLines().size(), "one line for one document: " + run);
        assertTrue(run.out().contains(SHOWN_NAME + " (" + SHOWN_ORGANISATION + ")"), run.toString());
    }

    private static Cli.Run sign(Object... more) {
        return Cli.run(Map.of("P", "pw"), args("sign", "--pkcs12", p12, "--pin-env", "P", List.of(more)));
    }

    private static List<String> trust() {
        return List.of("--trust", pki.rootPem().toString(), "--crl", pki.rootCrl().toString(), "--crl",
                pki.issuingCaCrl().toString(), "--offline");
    }

    private static void assertNoRawControls(String text) {
        assertFalse(text.contains("\u001b"), "no raw ESC: " + text);
        assertFalse(text.contains("\u202e"), "no raw bidi override: " + text);
    }

    @Test
    void theTextReportHasOneSignatureLineWithTheNameEscaped() {
        Cli.Run run = Cli.run(args("verify", trust(), signed));
        assertEquals(0, run.exit(), run.toString());
        List<String> signatureLines = run.outLines().stream().filter(l -> l.startsWith("  #")).toList();
        assertEquals(List.of("  #1 " + SHOWN_NAME + " (" + SHOWN_ORGANISATION + "): VALID"), signatureLines, run.toString());
        assertFalse(run.out().contains("Bo Truong: VALID\n"), run.toString());
        assertNoRawControls(run.out());

        Cli.Run vietnamese = Cli.run(args("verify", "--lang", "vi", trust(), signed));
        assertEquals(1, vietnamese.outLines().stream().filter(l -> l.startsWith("  #")).count(), vietnamese.toString());
        assertNoRawControls(vietnamese.out());
    }

    @Test
    void jsonHoldsTheExactNames() throws Exception {
        Cli.Run run = Cli.run(args("verify", "--json", trust(), signed));
        assertEquals(0, run.exit(), run.toString());
        assertEquals(1, run.outLines().size(), run.toString());
        assertNoRawControls(run.out());
        JsonNode signer = run.json().get(0).get("signatures").get(0).get("signer");
        assertEquals(COMMON_NAME, signer.get("commonName").asText());
        assertEquals(ORGANISATION, signer.get("organization").asText());
    }

    @Test
    void aFileNameWithANewlineAndEscSignsAsOneEscapedLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("file-name"));
        Path input = Files.copy(Cli.SAMPLE_PDF, folder.resolve(FILE_NAME));
        Cli.Run run = sign(input);
        assertEquals(0, run.exit(), run.toString());
        Path output = folder.resolve(FILE_NAME.substring(0, FILE_NAME.length() - ".pdf".length()) + "-signed.pdf");
        assertTrue(Files.isRegularFile(output), run.toString());
        assertEquals(1, run.outLines().size(), run.toString());
        String shown = folder + "/cv\\nsigned x.pdf -> y.pdf (forged)\\u001b[2K";
        assertTrue(run.out().startsWith("signed " + shown + ".pdf -> " + shown + "-signed.pdf ("), run.toString());
        assertNoRawControls(run.out());

        Cli.Run json = sign("--json", "--force", input);
        assertEquals(0, json.exit(), json.toString());
        assertNoRawControls(json.out());
        assertEquals(input.toString(), json.json().get(0).get("file").asText());
        assertEquals(output.toString(), json.json().get(0).get("output").asText());
        assertEquals(COMMON_NAME + " (" + ORGANISATION + ")", json.json().get(0).get("signer").asText());
    }

    @Test
    void errorsQuotingAFileNameAreOneEscapedLineInBothLanguages() {
        Path missing = dir.resolve("missing\n\u001b[31mforged.pdf");
        for (String lang : List.of("en", "vi")) {
            Cli.Run run = Cli.run(args("verify", "--lang", lang, trust(), missing));
            assertEquals(66, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains(dir + "/missing\\n\\u001b[31mforged.pdf"), run.toString());
            assertNoRawControls(run.err());
        }
    }

    @Test
    void theKeyListingShowsTheSubjectOnOneLine() {
        Cli.Run run = Cli.run(Map.of("P", "pw"), args("keys", "--pkcs12", p12, "--pin-env", "P"));
        assertEquals(0, run.exit(), run.toString());
        List<String> subjects = run.outLines().stream().filter(l -> l.contains("subject:")).toList();
        assertEquals(1, subjects.size(), run.toString());
        assertTrue(subjects.get(0).contains("CN=" + SHOWN_NAME), run.toString());
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("  #2")), run.toString());
        assertNoRawControls(run.out());
    }
}
