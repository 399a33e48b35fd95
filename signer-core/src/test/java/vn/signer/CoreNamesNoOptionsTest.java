package vn.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.signer.testing.Tools;

/**
 * signer-core speaks no command line: no option name (--trust, --force, "signer sign --check") in the
 * texts of its sources (string literals) or its bundles; each face gives its own advice, in the
 * command line's Advice bundle or the server's Answers.
 */
class CoreNamesNoOptionsTest {
    /** A string literal, or a bundle's value, holding an option name. */
    private static final Pattern JAVA_TEXT = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*?(?<![-\\w])--[a-z](?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern BUNDLE_TEXT = Pattern.compile("(?m)^[^#\\n]*=.*(?<![-\\w])--[a-z]");
    /** SunPKCS11's inline configuration starts with "--": not an option of signer's. */
    private static final String PKCS11_CONFIG = "\"--name = ";

    @Test
    void noSourceOrBundleNamesAnOption() throws IOException {
        Path main = Tools.repo().resolve("signer-core/src/main");
        Set<String> naming = new TreeSet<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                boolean names = file.toString().endsWith(".java")
                        ? JAVA_TEXT.matcher(text).results().anyMatch(m -> !m.group().startsWith(PKCS11_CONFIG))
                        : BUNDLE_TEXT.matcher(text).find();
                if (names) {
                    naming.add(main.relativize(file).toString());
                }
            }
        }
        assertEquals(Set.of(), naming, "signer-core's files whose texts name command-line options");
    }
}
