package vn.signer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.report.Printable;

/**
 * Reads a YAML configuration file into frozen records, refusing unknown keys so that a typo never
 * silently weakens a setting, and says what is wrong with the file, the line and the key: the one
 * reader of the server's configuration and of the officer's. Values the records refuse are
 * {@link ConfigRefusal}s; the reader's own errors (a type, the syntax) are quoted as a detail.
 */
public final class YamlConfig {
    private YamlConfig() {
    }

    /**
     * Reads {@code file} as a {@code type}.
     *
     * @param injected values the records take from outside the file (its folder), by the name of their {@code @JacksonInject}
     * @throws SignerException INPUT_MISSING, IO, USAGE (config.unknownKey, config.refused, config.unreadable)
     */
    public static <T> T read(Path file, Class<T> type, Map<String, Object> injected) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("config.missing", file.toString()));
        }
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .injectableValues(new InjectableValues.Std(injected)).build();
        try {
            return yaml.readValue(file.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("config.unknownKey", file.toString(), line(file, e),
                    e.getPropertyName(), path(e), e.getKnownPropertyIds().stream().map(String::valueOf)
                            .filter(k -> !k.equals("baseDir")).sorted().toList()), e);
        } catch (JsonProcessingException e) {
            ConfigRefusal refusal = refusal(e);
            Problem problem = refusal != null
                    ? Problem.of("config.refused", file.toString(), line(file, e), path(e), refusal.problem())
                    : Problem.of("config.unreadable", file.toString(), line(file, e),
                            Printable.text(e.getOriginalMessage().lines().findFirst().orElse("")));
            throw new SignerException(ErrorCode.USAGE, problem, e);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** The refusal of one of the records, however deep Jackson wrapped it, or null for an error of Jackson's own. */
    private static ConfigRefusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * The line of {@code file} that holds the key concerned. Jackson reads a record's values before
     * building it, so its own location is past the value refused (often the file's end): the line is
     * found by following the path of keys down the file, Jackson's line when that fails.
     */
    private static int line(Path file, JsonProcessingException e) {
        int reported = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return reported;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException unreadable) {
            return reported;
        }
        int at = -1;
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            at = reference.getFieldName() != null ? next(lines, at, reference.getFieldName()) : item(lines, at, reference.getIndex());
            if (at < 0) {
                return reported;
            }
        }
        return at + 1;
    }

    /** The first line after {@code from} that sets {@code key} (in block or flow style), or -1. */
    private static int next(List<String> lines, int from, String key) {
        Pattern setting = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        for (int i = from + 1; i < lines.size(); i++) {
            if (setting.matcher(lines.get(i).replaceFirst("\\s#.*$", "")).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The line of the {@code index}-th item ("- ...") of the list after {@code from}, or -1. */
    private static int item(List<String> lines, int from, int index) {
        int seen = -1;
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith("- ") && ++seen == index) {
                return i;
            }
        }
        return -1;
    }

    /** Where in the configuration's tree: "profiles.demo.key", or "(top)" for the top level. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "(top)";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            String part = reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex());
            out.append(out.isEmpty() ? "" : ".").append(part);
        }
        return out.toString();
    }
}
