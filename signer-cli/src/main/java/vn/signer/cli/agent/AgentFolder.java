package vn.signer.cli.agent;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the agent keeps its own files (its TLS key and certificate): the user's data folder of each OS. */
public final class AgentFolder {
    private AgentFolder() {
    }

    /**
     * Linux and others: $XDG_DATA_HOME/signer/agent (~/.local/share/signer/agent); macOS:
     * ~/Library/Application Support/signer/agent; Windows: %APPDATA%\signer\agent.
     */
    public static Path of(Map<String, String> environment, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && environment.get("APPDATA") != null) {
            return Path.of(environment.get("APPDATA"), "signer", "agent");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library/Application Support/signer/agent");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("signer/agent");
    }
}
