package vn.signer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.signer.config.ConfigLocation;

/** --config: the officer's configuration file, when not the one SIGNER_CONFIG or the user's folder holds. */
final class ConfigFileOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: SIGNER_CONFIG, else the user's, as 'signer config path' says).")
    Path config;

    /** Where the file is, for the environment the command runs in. */
    ConfigLocation location(Terminal terminal) {
        return ConfigLocation.find(config, terminal.environment(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ""));
    }
}
