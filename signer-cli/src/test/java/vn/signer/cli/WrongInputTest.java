package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Language;

/**
 * Each wrong case a tester met (issue 13, item 8) gets its own exit code and a line that names what
 * is wrong, in English and Vietnamese, and nothing is written: a box off the page, an image too
 * large, -o naming a folder, a FIFO or a device where a file was expected. (Running out of heap is
 * in SignerCommandIT, which can give the JVM a small heap.)
 */
@Tag("slow")
class WrongInputTest {
    @TempDir
    Path dir;

    private Cli.Run sign(Object... more) {
        Path output = dir.resolve("out.pdf");
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), List.of(args(more)), "-o", output, Cli.SAMPLE_PDF));
        assertFalse(Files.exists(output), run.toString());
        return run;
    }

    @Test
    void aBoxOffThePageIsAUsageErrorNamingTheBoxAndThePage() {
        List<Object> box = List.of("--appearance", "text", "--template", "Đã ký", "--page", "1", "--x", "5000", "--y", "5000",
                "--width", "50", "--height", "20");
        Cli.Run english = sign(box.toArray());
        assertEquals(64, english.exit(), english.toString());
        assertEquals(List.of("signer: " + Cli.SAMPLE_PDF.getFileName() + ": the signature box (x 5000, y 5000, 50 × 20 pt) does not fit on page 1, "
                + "which is 595.3 × 841.9 pt (210 × 297 mm) — put the box on the page: for this size --x from 0 to 545.3 and "
                + "--y from 0 to 821.9 pt, measured from the bottom-left corner"), english.errLines());

        Cli.Run vietnamese = sign("--lang", "vi", "--appearance", "text", "--template", "Đã ký", "--x", "580", "--y", "10",
                "--width", "50", "--height", "20");
        assertEquals(64, vietnamese.exit(), vietnamese.toString());
        assertTrue(vietnamese.err().startsWith("signer: lỗi: " + Cli.SAMPLE_PDF.getFileName() + ": khung chữ ký (x 580, y 10, 50 × 20 điểm) "
                + "nằm ngoài trang 1, trang này khổ 595,3 × 841,9 điểm (210 × 297 mm) — đặt khung trong trang"), vietnamese.toString());

        Cli.Run larger = sign("--appearance", "text", "--template", "x", "--x", "0", "--y", "0", "--width", "300mm", "--height", "20");
        assertEquals(64, larger.exit(), larger.toString());
        assertTrue(larger.err().endsWith("— make the box smaller than the page (--width, --height)\n"), larger.toString());
    }

    @Test
    void anImageOfTooManyPixelsIsNamedWithItsSizeAndTheLimit() throws IOException {
        Path huge = TestPngs.header(dir.resolve("chu-ky-50000.png"), 50_000, 1_000);
        for (List<String> appearance : List.of(List.of("--appearance", "personal", "--image", huge.toString(), "--width", "50",
                "--height", "20"), List.of("--appearance", "organisation", "--seal", huge.toString()))) {
            Cli.Run run = sign(appearance, "--x", "10", "--y", "10");
            assertEquals(65, run.exit(), run.toString());
            assertEquals(List.of("signer: " + huge + ": the image is 50,000 × 1000 pixels (50 megapixels), more than the 25 "
                    + "megapixels a signature image may have — scale it down: a 40 mm seal printed at 600 dpi is 945 × 945 pixels"),
                    run.errLines());
        }
        Cli.Run vietnamese = sign("--lang", "vi", "--appearance", "organisation", "--seal", huge, "--x", "10", "--y", "10");
        assertEquals(65, vietnamese.exit(), vietnamese.toString());
        assertEquals(List.of("signer: lỗi: " + huge + ": ảnh có 50.000 × 1000 điểm ảnh (50 megapixel), vượt giới hạn 25 megapixel "
                + "của ảnh chữ ký, con dấu — thu nhỏ ảnh: con dấu 40 mm in ở 600 dpi chỉ cần 945 × 945 điểm ảnh"), vietnamese.errLines());
        // Widths beyond 2^31 are read unsigned, not as "no pixels".
        Path widest = TestPngs.header(dir.resolve("widest.png"), 0xFFFF_FFFFL, 1);
        Cli.Run run = sign("--appearance", "organisation", "--seal", widest, "--x", "10", "--y", "10");
        assertEquals(65, run.exit(), run.toString());
        assertTrue(run.err().contains("4,294,967,295 × 1 pixels"), run.toString());
    }

    @Test
    void anOutputThatIsAFolderIsSaidSoEvenWithForce() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("da-ky"));
        for (String[] command : List.of(args("sign", Cli.demoP12(), "-o", folder, Cli.SAMPLE_PDF),
                args("sign", Cli.demoP12(), "--force", "-o", folder, Cli.SAMPLE_PDF))) {
            Cli.Run run = Cli.run(command);
            assertEquals(64, run.exit(), run.toString());
            assertEquals(List.of("signer: " + folder + ": is a folder, and -o names the output file — give a file name, e.g. -o "
                    + folder.resolve("cong-van-mau-signed.pdf") + ", or write into the folder with --out-dir " + folder), run.errLines());
            assertTrue(Files.isDirectory(folder), run.toString());
        }
        Cli.Run vietnamese = Cli.run(args("--lang", "vi", "sign", Cli.demoP12(), "-o", folder, Cli.SAMPLE_PDF));
        assertEquals(64, vietnamese.exit(), vietnamese.toString());
        assertTrue(vietnamese.err().startsWith("signer: lỗi: " + folder + ": là một thư mục"), vietnamese.toString());
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "nothing written into the folder");
        }
    }

    /** In a batch the output is planned, not named: one that is a folder fails that document (73), --force or not. */
    @Test
    void aBatchOutputThatIsAFolderIsNeverReplaced() throws IOException {
        Path input = Cli.copy(Cli.SAMPLE_PDF, Files.createDirectory(dir.resolve("van-ban")));
        Path out = dir.resolve("da-ky");
        Path taken = Files.createDirectories(out.resolve(input.getFileName()));
        for (String[] command : List.of(args("sign", Cli.demoP12(), "--out-dir", out, input.getParent()),
                args("sign", Cli.demoP12(), "--force", "--out-dir", out, input.getParent()))) {
            Cli.Run run = Cli.run(command);
            assertEquals(73, run.exit(), run.toString());
            assertEquals(List.of("signer: " + taken + ": the output is a folder, not a file — name a file for the output, "
                    + "or move the folder away"), run.errLines());
            assertTrue(Files.isDirectory(taken), run.toString());
        }
    }

    @Test
    void aFifoOrADeviceIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("ong.pdf");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        for (Path path : List.of(fifo, Path.of("/dev/zero"))) {
            for (String[] command : List.of(args("verify", path), args("sign", Cli.demoP12(), "-o", dir.resolve("x.pdf"), path))) {
                Cli.Run run = Cli.run(command);
                assertEquals(66, run.exit(), run.toString());
                assertEquals(List.of("signer: " + path + ": not a regular file (a device, pipe or socket) — give a PDF or XML file"),
                        run.errLines());
            }
        }
        Cli.Run vietnamese = Cli.run(args("verify", "--lang", "vi", fifo));
        assertEquals(List.of("signer: lỗi: " + fifo + ": không phải tệp thông thường (đây là thiết bị, đường ống (FIFO) hay socket) "
                + "— cung cấp một tệp PDF hoặc XML"), vietnamese.errLines());
    }

    /**
     * A document nested deeper than the stack ends the thread's stack: one line saying so and how to
     * give more, never a stack trace. The exit code (70) comes from the same catch as an
     * OutOfMemoryError's, which SignerCommandIT provokes for real; no document overflows the stack
     * reliably (the XML and PDF parsers bound their nesting), and a run on a nearly used-up stack
     * proved to depend on the JIT's frame sizes.
     */
    @Test
    void aStackOverflowIsOneLineSayingWhatToDo() {
        for (Locale locale : List.of(Locale.ENGLISH, Language.VIETNAMESE)) {
            String line = CliMessages.exhausted(new StackOverflowError(), locale);
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains(locale == Locale.ENGLISH ? "the document is too complex" : "lồng nhau quá sâu"), line);
            assertTrue(line.contains("SIGNER_JAVA_OPTS=-Xss"), line);
        }
    }
}
