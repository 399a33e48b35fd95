package vn.signer.server.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.config.ConfigRefusal;
import vn.signer.config.YamlConfig;
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
        require(!demo.enabled() || splitSigning.profiles().containsKey(demo.profile()), "config.demo.profile", demo.profile());
        require(port != null && port >= 0 && port <= 65535, "config.port");
        require(plainHttp || tls != null, "config.tls.missing");
        require(audit != null, "config.audit.missing");
        for (ClientConfig client : clients) {
            for (String profile : client.profiles()) {
                require(profiles.containsKey(profile) || splitSigning.profiles().containsKey(profile),
                        "config.client.profile", client.name(), profile);
            }
        }
        require(verification.reportProfile() == null || profiles.containsKey(verification.reportProfile()),
                "config.verification.reportProfile", verification.reportProfile());
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
        return YamlConfig.read(file, ServerConfig.class, Map.of("baseDir", file.toAbsolutePath().getParent()));
    }

    /** {@code path} resolved against the configuration file's folder. */
    public Path path(String path) {
        return baseDir == null ? Path.of(path) : baseDir.resolve(path);
    }

    /** Refuses a value when {@code condition} is false, saying why with {@code key} of the Answers bundle and its facts. */
    static void require(boolean condition, String key, Object... facts) {
        if (!condition) {
            throw new ConfigRefusal(Problem.in(Answers.BUNDLE, key, facts));
        }
    }
}
