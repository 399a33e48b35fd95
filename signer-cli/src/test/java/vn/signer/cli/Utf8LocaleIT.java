package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Tools;

/**
 * bin/signer under {@code env -i} (cron, systemd) and under a locale that is not installed (issue 13):
 * Vietnamese arguments and file names arrive whole, and what Java could not decode is refused.
 */
class Utf8LocaleIT {
    private static final Path SIGNER = Tools.repo().resolve("bin/signer");
    private static final Path JAR = Tools.repo().resolve("signer-cli/target/signer-cli.jar");
    /** Nothing but PATH, as under env -i; and a LANG naming a locale no machine has. */
    private static final List<List<String>> ENVIRONMENTS = List.of(List.of(), List.of("LANG=xx_YY.UTF-8"));

    @TempDir
    Path dir;

    @BeforeAll
    static void preconditions() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is not built: run 'mvn verify' (or 'mvn package' before this test)");
        Tools.requireUtf8Jvm();
    }

    /** {@code command} under env -i with PATH and {@code environment} only. */
    private static Tools.Result clean(List<String> environment, Object... command) {
        return Tools.runWithoutEnvironment(environment, List.of(Cli.args(command)));
    }

    private static List<String> key() {
        return List.of("--pkcs12", Cli.OFFICER_P12.toString(), "--pin-file", Cli.DEMO_PASSWORD.toString());
    }

    @Test
    void aVietnameseReasonAndLocationAreSignedExactly() throws IOException {
        for (List<String> environment : ENVIRONMENTS) {
            Path out = dir.resolve("signed-" + environment.size() + ".pdf");
            Tools.Result run = clean(environment, SIGNER, "sign", key(), "--reason", "Phê duyệt", "--location", "Hà Nội",
                    "-o", out, Cli.SAMPLE_PDF);
            assertEquals(0, run.exitCode(), environment + ": " + run.all());
            try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
                PDSignature signature = pdf.getLastSignatureDictionary();
                assertEquals("Phê duyệt", signature.getReason(), environment.toString());
                assertEquals("Hà Nội", signature.getLocation(), environment.toString());
            }
        }
    }

    @Test
    void aFolderHoldingAVietnameseFileNameIsSigned() throws IOException {
        for (List<String> environment : ENVIRONMENTS) {
            Path folder = Files.createDirectories(dir.resolve("in-" + environment.size()));
            Path input = Files.copy(Cli.SAMPLE_PDF, folder.resolve("Công văn 01.pdf"));
            Tools.Result run = clean(environment, SIGNER, "sign", key(), folder);
            assertEquals(0, run.exitCode(), environment + ": " + run.all());
            Path output = folder.resolve("Công văn 01-signed.pdf");
            assertTrue(Files.isRegularFile(output), environment + ": " + run.all());
            assertTrue(run.stdout().startsWith("signed " + input + " -> " + output + " ("), environment + ": " + run.all());
        }
    }

    @Test
    void aReasonHoldingUfffdIsRefused() {
        Path out = dir.resolve("never.pdf");
        for (List<String> environment : ENVIRONMENTS) {
            Tools.Result run = clean(environment, SIGNER, "sign", key(), "--reason", "Ph\uFFFD\uFFFD duy\uFFFD\uFFFD\uFFFDt",
                    "-o", out, Cli.SAMPLE_PDF);
            assertEquals(64, run.exitCode(), environment + ": " + run.all());
            assertTrue(run.stderr().matches("signer: argument 7 \\(--reason\\) holds U\\+FFFD \\(\uFFFD\\), the mark of bytes the "
                    + "locale's encoding could not decode \\(LC_ALL=C\\.(utf8|UTF-8), read by Java as UTF-8\\).*\\s"),
                    environment + ": " + run.all());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void withoutTheLauncherJavaCannotDecodeTheReasonAndItIsRefusedNotSignedGarbled() {
        Path out = dir.resolve("garbled.pdf");
        Tools.Result run = clean(List.of(), "java", "-jar", JAR, "sign", key(), "--reason", "Phê duyệt", "-o", out, Cli.SAMPLE_PDF);
        assertEquals(64, run.exitCode(), run.all());
        assertTrue(run.stderr().startsWith("signer: argument 7 (--reason) holds U+FFFD (\uFFFD), the mark of bytes the locale's "
                + "encoding could not decode (no LANG, LC_ALL or LC_CTYPE set, read by Java as ANSI_X3.4-1968)"), run.all());
        assertFalse(Files.exists(out), "nothing signed");

        Tools.Result vietnamese = clean(List.of("LANG=vi_VN.UTF-8"), "java", "-jar", JAR, "sign", key(), "--reason", "Phê duyệt",
                "-o", out, Cli.SAMPLE_PDF);
        assertEquals(64, vietnamese.exitCode(), vietnamese.all());
        assertTrue(vietnamese.stderr().startsWith("signer: lỗi: tham số thứ 7 (--reason) chứa ký tự U+FFFD"), vietnamese.all());
    }

    @Test
    void withoutTheLauncherAFileNameJavaCannotDecodeIsNamedAsTheLocalesFault() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(Cli.SAMPLE_PDF, folder.resolve("Công văn 01.pdf"));
        Tools.Result run = clean(List.of(), "java", "-jar", JAR, "sign", key(), folder);
        assertEquals(64, run.exitCode(), run.all());
        assertTrue(run.stderr().startsWith("signer: the file name 'C\uFFFD\uFFFDng v\uFFFD\uFFFDn 01"), run.all());
        assertTrue(run.stderr().contains("(no LANG, LC_ALL or LC_CTYPE set, read by Java as ANSI_X3.4-1968)"), run.all());
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "nothing signed");
        }
    }

    @Test
    void theCallersLanguageIsKeptWhenTheLauncherChoosesTheLocale() {
        Path missing = dir.resolve("không-có.pdf");
        Tools.Result run = clean(List.of("LANG=vi_VN.UTF-8"), SIGNER, "verify", Cli.demoTrust(), missing);
        assertEquals(66, run.exitCode(), run.all());
        assertEquals(List.of("signer: lỗi: " + missing + ": không tìm thấy tệp — kiểm tra lại đường dẫn"), run.stderr().lines().toList());
    }
}
