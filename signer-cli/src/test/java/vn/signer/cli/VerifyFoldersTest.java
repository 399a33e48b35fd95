package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'signer verify FOLDER' verifies every PDF and XML document in it, as 'sign' finds them (--recursive,
 * --include, --exclude): one report per document, in path order, and the exit code of the worst verdict.
 */
@Tag("slow")
class VerifyFoldersTest {
    @TempDir
    static Path dir;

    static Path folder;

    @BeforeAll
    static void signFiles() throws Exception {
        folder = Files.createDirectory(dir.resolve("van-ban-den"));
        Path sub = Files.createDirectory(folder.resolve("cu"));
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), "--out-dir", folder, pdf, xml));
        assertEquals(0, run.exit(), run.toString());
        Files.copy(folder.resolve(pdf.getFileName()), sub.resolve("cong-van-cu.pdf"));
        Files.copy(pdf, sub.resolve("chua-ky.pdf"));
        Files.writeString(folder.resolve("ghi-chu.txt"), "not a document");
    }

    private static List<String> files(Cli.Run run) {
        return run.json().stream().map(line -> Path.of(line.get("file").asText()).getFileName().toString()).toList();
    }

    @Test
    void aFolderIsVerifiedWholeWithOneReportPerDocument() {
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--json", folder));
        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("cong-van-mau.pdf", "thong-tin-ho-so.xml"), files(run), run.toString());
        assertTrue(run.json().stream().map(line -> line.get("verdict").asText()).allMatch("VALID"::equals), run.toString());

        Cli.Run text = Cli.run(args("verify", Cli.demoTrust(), folder));
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("cong-van-mau.pdf") && text.out().contains("thong-tin-ho-so.xml"), text.toString());
    }

    @Test
    void recursiveTakesSubfoldersAndTheExitCodeIsTheWorstVerdict() {
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--json", "--recursive", folder));
        assertEquals(List.of("cong-van-mau.pdf", "chua-ky.pdf", "cong-van-cu.pdf", "thong-tin-ho-so.xml"), files(run), run.toString());
        assertEquals(3, run.exit(), "an unsigned document is the worst verdict here: " + run);
        assertEquals("NO_SIGNATURE", run.json().get(1).get("verdict").asText(), run.toString());
    }

    @Test
    void includeAndExcludeChooseTheDocuments() {
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--json", "-r", "--include", "*.pdf", "--exclude", "chua-*", folder));
        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("cong-van-mau.pdf", "cong-van-cu.pdf"), files(run), run.toString());

        Cli.Run none = Cli.run(args("verify", Cli.demoTrust(), "--include", "*.docx", folder));
        assertEquals(66, none.exit(), none.toString());
        assertTrue(none.err().startsWith("signer: no documents found in [" + folder + "]"), none.toString());
    }

    @Test
    void filesAndFoldersMixAndAMissingFileDoesNotStopTheOthers() {
        Path missing = dir.resolve("khong-co.pdf");
        Cli.Run run = Cli.run(args("verify", Cli.demoTrust(), "--json", missing, folder));
        assertEquals(66, run.exit(), run.toString());
        List<JsonNode> lines = run.json();
        assertEquals("INPUT_MISSING", lines.get(0).get("error").asText(), run.toString());
        assertEquals(3, lines.size(), run.toString());
    }
}
