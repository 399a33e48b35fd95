package vn.signer.cli;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.cli.agent.AgentCertificate;
import vn.signer.cli.agent.AgentCheck;
import vn.signer.cli.agent.AgentFolder;
import vn.signer.cli.agent.AgentServer;
import vn.signer.cli.agent.AgentSetup;
import vn.signer.cli.agent.AgentTrust;
import vn.signer.cli.agent.DialogPerson;
import vn.signer.cli.agent.Person;
import vn.signer.cli.agent.TerminalPerson;
import vn.signer.keys.KeySelector;
import vn.signer.config.AgentSettings;
import vn.signer.config.OfficerConfig;
import vn.signer.config.OfficerProfile;
import vn.signer.keys.KeySource;

/** The signing agent: a local HTTPS service through which web pages of allowed origins ask the person to sign. */
@Command(name = "agent", description = {
    "Runs the signing agent on https://127.0.0.1:PORT for the web pages of the origins given: a page lists",
    "the key store's certificates and asks for signatures of data its server prepared (split signing).",
    "Nothing is signed before the person at this computer sees the request and confirms it, in a dialog",
    "or in this terminal. The agent makes its own TLS certificate on first start and says how to trust it."})
final class AgentCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Mixin
    KeySourceOptions source;

    @ArgGroup(exclusive = true)
    KeyChoiceOptions keyChoice;

    @Mixin
    ProfileOptions profile;

    @Option(names = "--origin", paramLabel = "URL",
            description = "A web origin (https://host[:port]) whose pages may ask; repeat for several "
                    + "(default: the configuration file's agent.origins).")
    List<String> origins = List.of();

    @Option(names = "--port", paramLabel = "N",
            description = "The loopback port (default: the configuration file's agent.port, else 8987).")
    Integer port;

    @Option(names = "--login-minutes", paramLabel = "N",
            description = "How long the token stays logged in after the PIN is given "
                    + "(default: the configuration file's agent.loginMinutes, else 10).")
    Integer loginMinutes;

    @Option(names = "--confirm", paramLabel = "WHERE",
            description = "Where the person confirms: dialog or terminal (default: dialog when there is a display).")
    String confirm;

    @Option(names = "--confirm-seconds", paramLabel = "N", defaultValue = "120",
            description = "How long a question waits for the person; then the request is cancelled (default ${DEFAULT-VALUE}).")
    int confirmSeconds;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "Where the agent keeps its TLS certificate (default: the user's data folder, signer/agent).")
    Path folder;

    @Option(names = "--check", description = "Say what is wrong (key store, certificate trust, port) and exit; starts nothing.")
    boolean check;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.configure(root.verbose);
        Terminal terminal = root.terminal();
        Locale locale = root.locale();
        // The configuration file's agent section and profile fill in what the options leave out.
        Path file = profile.config.location(terminal).file();
        AgentSettings configured = Files.isRegularFile(file) ? OfficerConfig.load(file).agent() : null;
        String profileName = profile.profile != null ? profile.profile : configured == null ? null : configured.profile();
        OfficerProfile chosen = profileName == null ? null : OfficerConfig.load(file).profile(profileName, file);
        AgentSetup settings = new AgentSetup(
                !origins.isEmpty() || configured == null ? Set.copyOf(origins)
                        : configured.origins().stream().map(URI::toString).collect(Collectors.toSet()),
                port != null ? port : configured != null ? configured.port() : AgentSetup.DEFAULT_PORT,
                loginMinutes != null ? loginMinutes : configured != null ? configured.loginMinutes() : AgentSetup.DEFAULT_LOGIN_MINUTES);
        Path home = Path.of(System.getProperty("user.home"));
        Path kept = folder != null ? folder : AgentFolder.of(terminal.environment(), System.getProperty("os.name"), home);
        KeySelector offered = KeyChoiceOptions.selector(keyChoice, chosen);
        if (check) {
            return check(terminal, settings, kept, home, offered, chosen, locale);
        }
        if (settings.origins().isEmpty()) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.agentOrigin"));
        }
        if (confirmSeconds < 5 || confirmSeconds > 3600) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.confirmSeconds", confirmSeconds));
        }
        Person person = person(terminal, locale);
        AgentCertificate certificate = AgentCertificate.loadOrMake(kept);
        AgentServer server;
        try {
            server = AgentServer.start(settings, certificate, source.spec(KeySelector.only(), chosen), offered, terminal.environment(),
                    person, Duration.ofSeconds(confirmSeconds), locale, new Version().getVersion()[0]);
        } catch (BindException e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, CliWords.problem("agent.portTaken", String.valueOf(settings.port())), e);
        }
        terminal.out().println(CliWords.text(locale, "agent.listening", String.valueOf(server.port()), String.join(" ", settings.origins())));
        terminal.out().flush();
        if (certificate.made()) {
            AgentTrust.steps(certificate, server.port(), locale).forEach(terminal.err()::println);
        } else {
            terminal.err().println(CliWords.text(locale, "agent.trust.kept", certificate.file().toString(), certificate.spkiSha256()));
        }
        terminal.err().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "signer-agent-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    private Person person(Terminal terminal, Locale locale) {
        String where = confirm != null ? confirm.strip().toLowerCase(Locale.ROOT)
                : GraphicsEnvironment.isHeadless() ? "terminal" : "dialog";
        return switch (where) {
            case "terminal" -> new TerminalPerson(terminal.console(),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), terminal.err(), locale);
            case "dialog" -> {
                if (GraphicsEnvironment.isHeadless()) {
                    throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.agentNoDisplay"));
                }
                yield new DialogPerson(locale, terminal.err());
            }
            default -> throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.agentConfirm", confirm));
        };
    }

    /**
     * --check: the key store (opened, the PIN asked when it comes from a person), then the agent's own
     * parts. The exit code is the first problem's, else 1 when something is only a warning (the TLS
     * certificate not made or not trusted yet), else 0.
     */
    private int check(Terminal terminal, AgentSetup settings, Path kept, Path home, KeySelector offered, OfficerProfile chosen,
                      Locale locale) {
        int problem = ExitCodes.OK;
        boolean warned = false;
        if (settings.origins().isEmpty()) {
            finding(terminal, locale, "PROBLEM", CliWords.problem("agent.check.noOrigin"));
            problem = ExitCodes.CONFIG;
        }
        try (KeySource keys = source.open(terminal, offered, chosen, locale)) {
            long count = keys.keys().stream().filter(offered::matches).count();
            finding(terminal, locale, count > 0 ? "OK" : "PROBLEM", CliWords.problem("agent.check.keys",
                    keys.describe(), count));
            if (count == 0 && problem == ExitCodes.OK) {
                problem = ExitCodes.CONFIG;
            }
        } catch (SignerException e) {
            finding(terminal, locale, "PROBLEM", e.problem() != null ? e.problem() : CliWords.problem("agent.check.keyStore", e.getMessage()));
            if (problem == ExitCodes.OK) {
                problem = ExitCodes.of(e.code());
            }
        }
        for (AgentCheck.Finding finding : AgentCheck.check(settings, kept, home)) {
            finding(terminal, locale, finding.severity().name(), finding.problem());
            if (problem == ExitCodes.OK && finding.severity() == AgentCheck.Severity.PROBLEM) {
                problem = ExitCodes.UNAVAILABLE;
            }
            warned |= finding.severity() == AgentCheck.Severity.WARNING;
        }
        terminal.out().flush();
        return problem != ExitCodes.OK ? problem : warned ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private static void finding(Terminal terminal, Locale locale, String severity, vn.signer.Problem problem) {
        terminal.out().println(CliWords.text(locale, "check.finding", CliWords.text(locale, "check." + severity),
                CliMessages.inWords(problem, locale)));
    }
}
