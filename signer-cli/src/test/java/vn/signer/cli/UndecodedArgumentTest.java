package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An argument holding U+FFFD, what Java makes of text the locale could not decode, is refused with
 * exit 64 before anything is signed, in both languages, naming the argument and the locale.
 */
class UndecodedArgumentTest {
    /** "Phê duyệt" as Java reads it under the POSIX locale. */
    private static final String GARBLED = "Ph\uFFFD\uFFFD duy\uFFFD\uFFFD\uFFFDt";
    private static final Map<String, String> MISSING_LOCALE = Map.of("LANG", "xx_YY.UTF-8");

    @TempDir
    Path dir;

    @Test
    void everyTextOptionAndFileNameIsRefusedNamingTheArgumentAndTheLocale() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        List<List<String>> cases = List.of(
                List.of("--reason", GARBLED), List.of("--location", GARBLED), List.of("--contact", GARBLED),
                List.of("--appearance", "text", "--template", GARBLED), List.of("--anchor", GARBLED),
                List.of("--doc-number", GARBLED), List.of("--org", GARBLED), List.of("-o", dir.resolve(GARBLED + ".pdf").toString()),
                List.of("--reason=" + GARBLED));
        List<String> names = List.of("--reason", "--location", "--contact", "--template", "--anchor", "--doc-number", "--org",
                "--output", "--reason");
        for (int i = 0; i < cases.size(); i++) {
            String[] args = args("sign", Cli.demoP12(), cases.get(i), pdf);
            int position = List.of(args).indexOf(cases.get(i).get(cases.get(i).size() - 1)) + 1;
            Cli.Run run = Cli.run(MISSING_LOCALE, args);
            assertEquals(64, run.exit(), run.toString());
            assertEquals(List.of("signer: argument " + position + " (" + names.get(i) + ") holds U+FFFD (\uFFFD), the mark of "
                    + "bytes the locale's encoding could not decode (LANG=xx_YY.UTF-8, read by Java as "
                    + System.getProperty("sun.jnu.encoding") + "), so the garbled text cannot be used — run with an installed "
                    + "UTF-8 locale, e.g. LC_ALL=C.UTF-8 (bin/signer chooses one itself)"), run.errLines(), run.toString());
            assertEquals("", run.out());
        }
        Path garbledFile = Files.copy(Cli.SAMPLE_PDF, dir.resolve(GARBLED + ".pdf"));
        Cli.Run run = Cli.run(MISSING_LOCALE, args("sign", Cli.demoP12(), garbledFile));
        assertEquals(64, run.exit(), run.toString());
        assertTrue(run.err().startsWith("signer: argument 6 (FILE) holds U+FFFD"), run.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains("signed")).toList(), "nothing signed");
        }
    }

    @Test
    void theRefusalIsInVietnameseForAVietnameseLocale() {
        Cli.Run run = Cli.run(Map.of("LANG", "vi_VN.UTF-8"), args("sign", Cli.demoP12(), "--reason", GARBLED, Cli.SAMPLE_PDF));
        assertEquals(64, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: lỗi: tham số thứ 7 (--reason) chứa ký tự U+FFFD (\uFFFD), dấu hiệu của những byte "
                + "mà bảng mã của thiết lập ngôn ngữ (locale) hiện tại (LANG=vi_VN.UTF-8, Java đọc theo "), run.toString());
        assertTrue(run.err().contains("chạy lại với một locale UTF-8 đã được cài, ví dụ LC_ALL=C.UTF-8"), run.toString());

        Cli.Run noLocale = Cli.run(Map.of(), args("verify", "--lang", "vi", Cli.demoTrust(), GARBLED + ".pdf"));
        assertEquals(64, noLocale.exit(), noLocale.toString());
        assertTrue(noLocale.err().contains("(không đặt LANG, LC_ALL hay LC_CTYPE, Java đọc theo "), noLocale.toString());
    }
}
