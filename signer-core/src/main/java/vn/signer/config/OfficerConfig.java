package vn.signer.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * The officer's configuration file: named signing profiles (where the key is, which key, the visible
 * signature, trust, timestamp authorities and level) and the signing agent's settings, so that a
 * signature needs no more than a profile's name. Read by the command line and by the agent alike; it
 * holds no PIN (a key named like one is refused: PINs are typed by the person, or come from a
 * variable or a file the face names). Unknown keys are refused with the file and the line. Relative
 * paths are relative to the file's folder.
 *
 * @param profiles the profiles by name
 * @param agent    the signing agent's settings, or null when the file has none
 * @param baseDir  the file's folder (not a YAML key)
 */
public record OfficerConfig(Map<String, OfficerProfile> profiles, AgentSettings agent,
                            @JacksonInject(value = "baseDir", useInput = OptBoolean.FALSE) Path baseDir) {

    public OfficerConfig {
        profiles = profiles == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(profiles));
        String agentProfile = agent == null ? null : agent.profile();
        ConfigRefusal.require(agentProfile == null || profiles.containsKey(agentProfile),
                Problem.of("officer.agent.profile", String.valueOf(agentProfile), List.copyOf(profiles.keySet())));
    }

    /**
     * Reads {@code file}.
     *
     * @throws SignerException INPUT_MISSING, IO, USAGE (an unknown key, a PIN, a wrong value: file, line and key)
     */
    public static OfficerConfig load(Path file) {
        Path base = file.toAbsolutePath().getParent();
        SecretKeys.refuse(file);
        return YamlConfig.read(file, OfficerConfig.class, Map.of("baseDir", base));
    }

    /**
     * The profile named {@code name}.
     *
     * @throws SignerException USAGE naming the profiles there are
     */
    public OfficerProfile profile(String name, Path file) {
        OfficerProfile profile = profiles.get(name);
        if (profile == null) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("officer.noProfile", file.toString(), name,
                    profiles.isEmpty() ? List.of("-") : List.copyOf(profiles.keySet())));
        }
        return profile;
    }
}
