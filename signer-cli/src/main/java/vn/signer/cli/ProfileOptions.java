package vn.signer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.signer.config.OfficerConfig;
import vn.signer.config.OfficerProfile;

/**
 * --profile and --config: a named profile of the officer's configuration file supplies what the
 * command line leaves out (the options given win). Shared by 'sign' and 'verify'.
 */
final class ProfileOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Take the key, appearance, trust, TSAs and level from this profile of the configuration file; "
                    + "options given here win.")
    String profile;

    @Mixin
    ConfigFileOption config;

    /** The profile asked for, or null without --profile. */
    OfficerProfile profile(Terminal terminal) {
        if (profile == null) {
            return null;
        }
        Path file = config.location(terminal).file();
        return OfficerConfig.load(file).profile(profile, file);
    }
}
