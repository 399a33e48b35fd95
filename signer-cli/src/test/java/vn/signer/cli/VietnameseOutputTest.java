package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commands under LANG=C and LANG=vi_VN.UTF-8: no line of the Vietnamese output is an English
 * sentence, i.e. none reads the same as a line of the English output once names and numbers are set aside.
 */
class VietnameseOutputTest {
    private static final Map<String, String> ENGLISH = Map.of("LANG", "C");
    private static final Map<String, String> VIETNAMESE = Map.of("LANG", "vi_VN.UTF-8");
    /** Two English words in a row: what a sentence has and a name, a number or an option list has not. */
    private static final Pattern WORDS = Pattern.compile("\\b[a-z]{2,}[ ,]+[a-z]{2,}\\b");

    @TempDir
    Path dir;

    @Test
    void signVerifyAndKeysSpeakVietnamese() throws Exception {
        Path en = Files.createDirectories(dir.resolve("en"));
        Path vi = Files.createDirectories(dir.resolve("vi"));
        for (Path folder : List.of(en, vi)) {
            Cli.copy(Cli.SAMPLE_PDF, folder);
            Cli.copy(Cli.SAMPLE_XML, folder);
        }
        compare(args("sign", Cli.demoP12(), "--include", "*.pdf", "--include", "*.xml", en),
                args("sign", Cli.demoP12(), "--include", "*.pdf", "--include", "*.xml", vi), en, vi);
        compare(args("verify", Cli.demoTrust(), en.resolve("cong-van-mau-signed.pdf"), en.resolve("cong-van-mau.pdf")),
                args("verify", Cli.demoTrust(), vi.resolve("cong-van-mau-signed.pdf"), vi.resolve("cong-van-mau.pdf")), en, vi);
        compare(args("verify", "--offline", en.resolve("thong-tin-ho-so-signed.xml")),
                args("verify", "--offline", vi.resolve("thong-tin-ho-so-signed.xml")), en, vi);
        compare(args("keys", Cli.demoP12()), args("keys", Cli.demoP12()), en, vi);
        // A key not found names the choice and the keys there: core's facts, in the reader's language.
        compare(args("sign", Cli.demoP12(), "--key", "nope", en.resolve("cong-van-mau.pdf")),
                args("sign", Cli.demoP12(), "--key", "nope", vi.resolve("cong-van-mau.pdf")), en, vi);
        compare(args("sign", "--help"), args("sign", "--help"), en, vi);
        compare(args("verify", "--help"), args("verify", "--help"), en, vi);
    }

    private static void compare(String[] english, String[] vietnamese, Path en, Path vi) {
        Cli.Run inEnglish = Cli.run(ENGLISH, english);
        Cli.Run inVietnamese = Cli.run(VIETNAMESE, vietnamese);
        assertEquals(inEnglish.exit(), inVietnamese.exit(), inVietnamese.toString());
        Set<String> englishLines = lines(inEnglish, en).stream().collect(Collectors.toSet());
        List<String> leaks = lines(inVietnamese, vi).stream()
                .filter(englishLines::contains).filter(l -> WORDS.matcher(l).find()).toList();
        assertEquals(List.of(), leaks, "English lines in the Vietnamese output of " + String.join(" ", vietnamese)
                + "\n" + inVietnamese);
        assertTrue(!(inVietnamese.out() + inVietnamese.err()).isBlank(), inVietnamese.toString());
    }

    /** Output and error lines, the run's folder and numbers set aside. */
    private static List<String> lines(Cli.Run run, Path folder) {
        List<String> lines = new ArrayList<>();
        (run.out() + run.err()).lines().forEach(l -> lines.add(l.replace(folder.toString(), "DIR").replaceAll("\\d+", "#").strip()));
        return lines;
    }
}
