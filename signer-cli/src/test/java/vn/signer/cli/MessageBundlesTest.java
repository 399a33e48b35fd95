package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import vn.signer.testing.Tools;

/**
 * Every message bundle of every module (signer-core, signer-cli, signer-server) has its Vietnamese
 * text for every key, with the same placeholders; every option of every command has its Vietnamese help.
 */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /** Every X.properties beside which an X_vi.properties is, in the modules' main resources. */
    private static List<Path> englishBundles() throws IOException {
        List<Path> found = new ArrayList<>();
        for (String module : List.of("signer-core", "signer-cli", "signer-server")) {
            try (Stream<Path> files = Files.walk(Tools.repo().resolve(module).resolve("src/main/resources"))) {
                files.filter(f -> f.toString().endsWith("_vi.properties")).forEach(vi -> found.add(
                        vi.resolveSibling(vi.getFileName().toString().replace("_vi.properties", ".properties"))));
            }
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyKeyOfEveryBundleHasItsVietnameseWithTheSamePlaceholders() throws IOException {
        List<Path> bundles = englishBundles();
        assertTrue(bundles.size() >= 4, "the bundles were found: " + bundles);
        Map<String, Integer> keys = new TreeMap<>();
        for (Path english : bundles) {
            Path vietnamese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_vi.properties"));
            if (!Files.exists(english)) {
                continue; // Help_vi: the English help is in the annotations (below)
            }
            Properties en = load(english);
            Properties vi = load(vietnamese);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(vi.stringPropertyNames()),
                    "the same keys in " + english.getFileName() + " and " + vietnamese.getFileName());
            for (String key : en.stringPropertyNames()) {
                assertTrue(!vi.getProperty(key).isBlank(), vietnamese.getFileName() + ": " + key + " is empty");
                assertEquals(placeholders(en.getProperty(key)), placeholders(vi.getProperty(key)),
                        "the placeholders of " + key + " in " + english.getFileName());
            }
            keys.put(english.getFileName().toString(), en.size());
        }
        System.out.println("keys per bundle (each in English and Vietnamese): " + keys);
    }

    @Test
    void everyOptionAndCommandHasItsVietnameseHelp() throws IOException {
        Properties help = load(Tools.repo().resolve("signer-cli/src/main/resources/vn/signer/cli/Help_vi.properties"));
        CommandLine cli = CommandLineFactory.create(new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), null));
        List<String> missing = new ArrayList<>();
        check(cli, help, missing);
        assertEquals(List.of(), missing, "options and commands without Vietnamese help in Help_vi.properties");
    }

    private static void check(CommandLine command, Properties help, List<String> missing) {
        CommandSpec spec = command.getCommandSpec();
        String qualified = spec.qualifiedName(".");
        if (!help.containsKey(qualified + ".usage.description") && !help.containsKey(qualified + ".usage.description.0")) {
            missing.add(qualified + ".usage.description");
        }
        for (OptionSpec option : spec.options()) {
            String key = option.descriptionKey().isEmpty() ? option.longestName().replaceFirst("^-+", "") : option.descriptionKey();
            if (!help.containsKey(qualified + "." + key) && !help.containsKey(key)) {
                missing.add(qualified + " " + option.longestName() + " (" + key + ")");
            }
        }
        command.getSubcommands().values().forEach(sub -> check(sub, help, missing));
    }
}
