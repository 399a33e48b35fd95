package vn.signer.cli;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import vn.signer.report.Language;

/**
 * The top-level 'signer' command; its subcommands do the work. Its scope is inherited so that every
 * subcommand has --help (with the exit codes) too, not just 'signer --help'.
 */
@Command(name = "signer",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Signs and verifies PDF (PAdES) and XML (XAdES) documents with PKCS#11 tokens and PKCS#12 files.",
        subcommands = {KeysCommand.class, SignCommand.class, ExtendCommand.class, VerifyCommand.class, AuditCommand.class, AgentCommand.class, ConfigCommand.class,
            CompletionCommand.class, ManPageCommand.class, HelpCommand.class}
)
final class SignerCommand {
    private final Terminal terminal;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show library logs and stack traces of errors.")
    boolean verbose;

    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT,
            description = "Language of messages and reports: vi or en (default: from LANG, else the system's).")
    String lang;

    SignerCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    /** The language to speak: --lang, else the terminal's environment, else the JVM's default. */
    Locale locale() {
        return Language.of(lang, terminal.environment());
    }
}
