package vn.signer.server.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

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
 * @param cors         the web origins whose pages may call the server from a browser
 * @param demo         the demo e-office page (/demo/), off unless enabled
 * @param baseDir      the configuration file's folder (not a YAML key)
 */
public record ServerConfig(String host, Integer port, Boolean plainHttp, TlsConfig tls, LimitsConfig limits,
                           AuditConfig audit, VerificationConfig verification, List<ClientConfig> clients,
                           Map<String, ProfileConfig> profiles, String tempDir, SplitSigningConfig splitSigning,
                           CorsConfig cors, DemoConfig demo,
                           @JacksonInject(value = "baseDir", useInput = OptBoolean.FALSE) Path baseDir) {

    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        plainHttp = plainHttp != null && plainHttp;
        limits = limits == null ? LimitsConfig.DEFAULTS : limits;
        verification = verification == null ? VerificationConfig.NONE : verification;
        clients = clients == null ? List.of() : List.copyOf(clients);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        splitSigning = splitSigning == null ? SplitSigningConfig.NONE : splitSigning;
        cors = cors == null ? CorsConfig.NONE : cors;
        demo = demo == null ? DemoConfig.OFF : demo;
        require(!demo.enabled() || splitSigning.profiles().containsKey(demo.profile()),
                "demo.profile: " + demo.profile() + " is not a keyless profile of splitSigning.profiles");
        require(port != null && port >= 0 && port <= 65535, "port: give the port to listen on (0 to 65535)");
        require(plainHttp || tls != null, "tls: HTTPS needs a key store; set plainHttp: true only behind a TLS proxy");
        require(audit != null, "audit: give the audit log file");
        for (ClientConfig client : clients) {
            for (String profile : client.profiles()) {
                require(profiles.containsKey(profile) || splitSigning.profiles().containsKey(profile),
                        "clients: " + client.name() + " names an unknown profile " + profile);
            }
        }
        for (Map.Entry<String, ProfileConfig> profile : profiles.entrySet()) {
            String trust = profile.getValue().trust();
            require(trust == null || verification.profiles().containsKey(trust),
                    "profiles: " + profile.getKey() + " names an unknown trust profile " + trust);
        }
        for (Map.Entry<String, SplitProfileConfig> split : splitSigning.profiles().entrySet()) {
            require(!profiles.containsKey(split.getKey()), "splitSigning.profiles: " + split.getKey()
                    + " is the name of a profile with a key already");
            for (String trust : List.of(split.getValue().signers(), split.getValue().trust())) {
                require(verification.profiles().containsKey(trust),
                        "splitSigning.profiles: " + split.getKey() + " names an unknown trust profile " + trust);
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
            throw new SignerException(ErrorCode.INPUT_MISSING, file + ": no such configuration file", "check the path");
        }
        Path base = file.toAbsolutePath().getParent();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setInjectableValues(new InjectableValues.Std().addValue("baseDir", base));
        try {
            return yaml.readValue(file.toFile(), ServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SignerException(ErrorCode.USAGE, file + ": unknown key '" + e.getPropertyName() + "' at "
                    + e.getPathReference(), "known keys here: " + e.getKnownPropertyIds(), e);
        } catch (IOException e) {
            String message = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getMessage();
            throw new SignerException(ErrorCode.USAGE, file + ": " + message.lines().findFirst().orElse(""),
                    "see samples/server.yaml for the format", e);
        }
    }

    /** {@code path} resolved against the configuration file's folder. */
    public Path path(String path) {
        return baseDir == null ? Path.of(path) : baseDir.resolve(path);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
