package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.BadDocuments;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** Folders signed whole: good documents signed, bad ones reported, reruns finish the rest. */
@Tag("native")
class BatchCommandTest {
    @TempDir
    Path dir;

    private Path inputs(int good) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/2026/11"));
        for (int i = 0; i < good; i++) {
            Files.copy(Cli.SAMPLE_PDF, in.resolve("cong-van-" + i + ".pdf"));
        }
        Files.copy(Cli.SAMPLE_XML, dir.resolve("in/ho-so.xml"));
        return dir.resolve("in");
    }

    private static Map<String, JsonNode> byFile(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("file")).collect(Collectors.toMap(l -> Path.of(l.get("file").asText())
                .getFileName().toString(), l -> l));
    }

    private static JsonNode summary(List<JsonNode> lines) {
        return lines.get(lines.size() - 1).get("summary");
    }

    @Test
    void signsAFolderTreeIntoAMirroredOutputFolderReportingBadDocuments() throws Exception {
        Path in = inputs(6);
        Files.createFile(in.resolve("trong.pdf"));
        BadDocuments.truncatedPdf(in.resolve("2026/cut.pdf"));
        BadDocuments.encryptedPdf(in.resolve("2026/11/mat-khau.pdf"));
        Files.writeString(in.resolve("dtd.xml"), "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>");
        Path out = dir.resolve("out");
        byte[] sampleBefore = Files.readAllBytes(in.resolve("2026/11/cong-van-0.pdf"));

        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), "--recursive", "--out-dir", out, "--jobs", "2", "--json", in));
        assertEquals(1, run.exit(), "some signed, some failed: " + run);
        Map<String, JsonNode> lines = byFile(run.json());
        for (int i = 0; i < 6; i++) {
            assertEquals("signed", lines.get("cong-van-" + i + ".pdf").get("status").asText(), run.toString());
            assertTrue(Files.isRegularFile(out.resolve("2026/11/cong-van-" + i + ".pdf")));
        }
        assertEquals("signed", lines.get("ho-so.xml").get("status").asText());
        assertEquals("BAD_INPUT", lines.get("trong.pdf").get("error").asText());
        assertEquals("BAD_INPUT", lines.get("cut.pdf").get("error").asText());
        assertEquals("NOT_SIGNABLE", lines.get("mat-khau.pdf").get("error").asText());
        assertEquals("BAD_INPUT", lines.get("dtd.xml").get("error").asText());
        JsonNode summary = summary(run.json());
        assertEquals(11, summary.get("total").asInt());
        assertEquals(7, summary.get("signed").asInt());
        assertEquals(4, summary.get("failed").asInt());
        assertEquals(4, run.errLines().size(), "one line per failure: " + run);
        assertArrayEquals(sampleBefore, Files.readAllBytes(in.resolve("2026/11/cong-van-0.pdf")));
        assertFalse(Files.exists(out.resolve("trong.pdf")));
        Samples.assertNoTemporaryFiles(out.resolve("2026/11"));

        VerificationReport report = DocumentVerifier.create(vn.signer.testing.DemoPki.settings())
                .verify(out.resolve("2026/11/cong-van-3.pdf"));
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    @Test
    void aSecondRunSkipsWhatIsDoneAndFinishesTheRest() throws Exception {
        Path in = inputs(4);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run(args("sign", Cli.demoP12(), "-r", "--out-dir", out, in)).exit());
        Path redo = out.resolve("2026/11/cong-van-2.pdf");
        Files.delete(redo);
        long before = Files.getLastModifiedTime(out.resolve("2026/11/cong-van-1.pdf")).toMillis();

        Cli.Run again = Cli.run(args("sign", Cli.demoP12(), "-r", "--out-dir", out, "--json", in));
        assertEquals(0, again.exit(), again.toString());
        Map<String, JsonNode> lines = byFile(again.json());
        assertEquals("signed", lines.get("cong-van-2.pdf").get("status").asText());
        assertEquals("skipped", lines.get("cong-van-1.pdf").get("status").asText());
        assertEquals(4, summary(again.json()).get("skipped").asInt());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("2026/11/cong-van-1.pdf")).toMillis());
        assertTrue(Files.isRegularFile(redo));

        // Another key's run does not take these outputs as its own.
        Cli.Run otherKey = Cli.run(args("sign", "--pkcs12", Cli.ORGANISATION_P12, "--pin-file", Cli.DEMO_PASSWORD, "-r",
                "--out-dir", out, in));
        assertEquals(73, otherKey.exit(), otherKey.toString());

        Cli.Run forced = Cli.run(args("sign", Cli.demoP12(), "-r", "--out-dir", out, "--force", "--json", in));
        assertEquals(0, forced.exit(), forced.toString());
        assertEquals(5, summary(forced.json()).get("signed").asInt());
    }

    @Test
    void anOutputOfAnOlderVersionOfTheDocumentIsNotTakenAsDone() throws Exception {
        Path in = inputs(1);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run(args("sign", Cli.demoP12(), "-r", "--out-dir", out, in)).exit());
        Path xml = in.resolve("ho-so.xml");
        Files.writeString(xml, Files.readString(xml).replace("Nguyễn Văn Hùng", "Nguyễn Văn Hưng"));
        Path pdf = in.resolve("2026/11/cong-van-0.pdf");
        Files.write(pdf, Files.readAllBytes(Cli.SAMPLE_PDF), java.nio.file.StandardOpenOption.APPEND);

        Cli.Run again = Cli.run(args("sign", Cli.demoP12(), "-r", "--out-dir", out, "--json", in));
        assertEquals(73, again.exit(), "both outputs are stale, none may be skipped: " + again);
        Map<String, JsonNode> lines = byFile(again.json());
        assertEquals("OUTPUT_EXISTS", lines.get("ho-so.xml").get("error").asText(), again.toString());
        assertEquals("OUTPUT_EXISTS", lines.get("cong-van-0.pdf").get("error").asText(), again.toString());
    }

    @Test
    void besideTheInputsEarlierOutputsAreNotSignedAgain() throws Exception {
        Path in = inputs(3);
        assertEquals(0, Cli.run(args("sign", Cli.demoP12(), "-r", in)).exit());
        Cli.Run again = Cli.run(args("sign", Cli.demoP12(), "-r", "--json", in));
        assertEquals(0, again.exit(), again.toString());
        JsonNode summary = summary(again.json());
        assertEquals(4, summary.get("total").asInt(), "the -signed files are outputs, not inputs: " + again);
        assertEquals(4, summary.get("skipped").asInt());
    }

    @Test
    void aTokenSignsTheWholeFolderOnSeveralWorkers() throws Exception {
        SoftHsm hsm = SoftHsm.token();
        Path in = inputs(8);
        Cli.Run run = Cli.run(args("sign", "--pkcs11", hsm.module(), "--token-label", SoftHsm.LABEL, "--key", "officer",
                "--pin-file", Cli.TOKEN_PIN, "-r", "--jobs", "4", "--json", in));
        assertEquals(0, run.exit(), run.toString());
        assertEquals(9, summary(run.json()).get("signed").asInt());
    }
}
