package vn.signer.server.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import vn.signer.server.words.Answers;

/**
 * The server's YAML configuration, read into frozen values; unknown keys are refused so that a typo
 * never silently weakens a setting. Relative paths are relative to the configuration file's folder.
 *
 * @param host         the address to listen on; 127.0.0.1 unless set
 * @param port         the port to listen on
 * @param plainHttp    serve plain HTTP (behind a TLS proxy); without it, {@code tls} is required
 * @param tls          the HTTPS key store and, optionally, client certificates
 * @param limits       request size, concurrency, rate and timeouts
 * @param audit        where the audit log goes
 * @param verification trust profiles for /v1/verify and whether it needs a key
 * @param clients      who may call, and which signing profiles each may use
 * @param profiles     signing profiles by name
 * @param tempDir      where request bodies are spooled; the system's temp folder unless set
 * @param splitSigning keyless profiles for split signing, and how many prepared documents are kept
 * @param baseDir      the configuration file's folder (not a YAML key)
 */
public record ServerConfig(String host, Integer port, Boolean plainHttp, TlsConfig tls, LimitsConfig limits,
                           AuditConfig audit, VerificationConfig verification, List<ClientConfig> clients,
                           Map<String, ProfileConfig> profiles, String tempDir, SplitSigningConfig splitSigning,
                           @JacksonInject(value = "baseDir", useInput = OptBoolean.FALSE) Path baseDir) {

    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        plainHttp = plainHttp != null && plainHttp;
        limits = limits == null ? LimitsConfig.DEFAULTS : limits;
        verification = verification == null ? VerificationConfig.NONE : verification;
        clients = clients == null ? List.of() : List.copyOf(clients);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        splitSigning = splitSigning == null ? SplitSigningConfig.NONE : splitSigning;
        require(port != null && port >= 0 && port <= 65535, "config.port");
        require(plainHttp || tls != null, "config.tls.missing");
        require(audit != null, "config.audit.missing");
        for (ClientConfig client : clients) {
            for (String profile : client.profiles()) {
                require(profiles.containsKey(profile) || splitSigning.profiles().containsKey(profile),
                        "config.client.profile", client.name(), profile);
            }
        }
        for (Map.Entry<String, ProfileConfig> profile : profiles.entrySet()) {
            String trust = profile.getValue().trust();
            require(trust == null || verification.profiles().containsKey(trust), "config.profile.trust", profile.getKey(), trust);
        }
        for (Map.Entry<String, SplitProfileConfig> split : splitSigning.profiles().entrySet()) {
            require(!profiles.containsKey(split.getKey()), "config.split.name", split.getKey());
            for (String trust : List.of(split.getValue().signers(), split.getValue().trust())) {
                require(verification.profiles().containsKey(trust), "config.split.trust", split.getKey(), trust);
            }
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws SignerException INPUT_MISSING, USAGE (unknown key, missing or wrong value: the message says which)
     */
    public static ServerConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.in(Answers.BUNDLE, "config.missing", file.toString()));
        }
        Path base = file.toAbsolutePath().getParent();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setInjectableValues(new InjectableValues.Std().addValue("baseDir", base));
        try {
            return yaml.readValue(file.toFile(), ServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SignerException(ErrorCode.USAGE, Problem.in(Answers.BUNDLE, "config.unknownKey", file.toString(), line(file, e),
                    e.getPropertyName(), path(e), e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()), e);
        } catch (JsonProcessingException e) {
            ConfigRefusal refusal = refusal(e);
            Problem problem = refusal != null
                    ? Problem.in(Answers.BUNDLE, "config.refused", file.toString(), line(file, e), path(e), refusal.problem())
                    // Jackson's and the YAML parser's own words: a type or a syntax error, quoted as a detail.
                    : Problem.in(Answers.BUNDLE, "config.unreadable", file.toString(), line(file, e),
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
     * The line of the configuration file that holds the key concerned. Jackson reads a record's values
     * before building it, so its own location is past the value refused (often the file's end): the
     * line is found by following the path of keys down the file, Jackson's line when that fails.
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

    /** Where in the configuration's tree: "profiles.organisation.key", or "(top)" for the top level. */
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

    /** {@code path} resolved against the configuration file's folder. */
    public Path path(String path) {
        return baseDir == null ? Path.of(path) : baseDir.resolve(path);
    }

    /** Refuses a value when {@code condition} is false, saying why with {@code key} of the Answers bundle and its facts. */
    static void require(boolean condition, String key, Object... facts) {
        if (!condition) {
            throw new ConfigRefusal(key, facts);
        }
    }
}
