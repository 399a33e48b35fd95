package vn.signer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import vn.signer.config.AgentSettings;
import vn.signer.config.ConfigLocation;
import vn.signer.config.OfficerConfig;
import vn.signer.config.OfficerProfile;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Printable;

/** The officer's configuration file: where signer looks for it, and whether it is right. */
@Command(name = "config", description = "The configuration file of profiles ('signer sign --profile NAME') and of the signing agent.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Where.class})
final class ConfigCommand {

    @ParentCommand
    SignerCommand root;

    /** What both subcommands take: the parent's terminal and language, and --config. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Mixin
        ConfigFileOption config;
    }

    /** 'signer config check': reads the file as 'sign --profile' and the agent do, and lists what it found. */
    @Command(name = "check", description = {
        "Reads the configuration file and says what is wrong in it (the file, the line, the key and what to do),",
        "or lists the profiles and the agent's settings it found: exit 0 when it is right, 64 when it is not,",
        "66 when there is no such file."})
    static final class Check extends Subcommand {
        @Override
        public Integer call() {
            Terminal terminal = parent.root.terminal();
            Locale l = parent.root.locale();
            Path file = config.location(terminal).file();
            OfficerConfig found = OfficerConfig.load(file);
            StringBuilder out = new StringBuilder(CliWords.text(l, "config.ok", Printable.text(file), found.profiles().size()))
                    .append('\n');
            for (Map.Entry<String, OfficerProfile> entry : found.profiles().entrySet()) {
                out.append("  ").append(CliWords.text(l, "config.profile", Printable.text(entry.getKey()),
                        describe(entry.getValue(), l))).append('\n');
            }
            AgentSettings agent = found.agent();
            out.append("  ").append(agent == null ? CliWords.text(l, "config.noAgent")
                    : CliWords.text(l, "config.agent", agent.origins().isEmpty() ? CliWords.text(l, "config.none")
                            : String.join(", ", agent.origins().stream().map(o -> Printable.text(o)).toList()),
                            String.valueOf(agent.port()), agent.loginMinutes(),
                            agent.profile() == null ? CliWords.text(l, "config.none") : Printable.text(agent.profile())))
                    .append('\n');
            terminal.out().print(out);
            terminal.out().flush();
            return ExitCodes.OK;
        }

        /** What a profile signs with, in a few words. */
        private static String describe(OfficerProfile profile, Locale l) {
            KeySourceSpec.Store store = profile.store(1);
            String key = store instanceof KeySourceSpec.Pkcs12 p12 ? CliWords.text(l, "config.pkcs12", Printable.text(p12.file()))
                    : store instanceof KeySourceSpec.Pkcs11 p11 ? CliWords.text(l, "config.pkcs11", Printable.text(p11.module()),
                            CliWords.shown(l, p11.token().describe()))
                    : CliWords.text(l, "config.noStore");
            String choice = profile.keySelector() == null ? "" : ", " + CliWords.shown(l, profile.keySelector().describe());
            String mode = profile.appearance().mode() == null ? CliWords.text(l, "config.invisible")
                    : profile.appearance().mode().name().toLowerCase(Locale.ROOT);
            return CliWords.text(l, "config.summary", key + choice, profile.level() == null ? "B" : profile.level().name(), mode,
                    profile.trust().size(), profile.tsa().size());
        }
    }

    /** 'signer config path': where signer looks for the file, and why there. */
    @Command(name = "path", description = "Prints where signer looks for the configuration file, and whether it is there.")
    static final class Where extends Subcommand {
        @Override
        public Integer call() {
            Terminal terminal = parent.root.terminal();
            Locale l = parent.root.locale();
            ConfigLocation location = config.location(terminal);
            terminal.out().println(Printable.text(location.file()));
            terminal.out().println(CliWords.text(l, "config.origin." + location.origin().name(), ConfigLocation.VARIABLE)
                    + "; " + CliWords.text(l, Files.isRegularFile(location.file()) ? "config.exists" : "config.absent"));
            terminal.out().flush();
            return ExitCodes.OK;
        }
    }
}
