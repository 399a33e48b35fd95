package vn.signer.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sun.misc.Signal;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.report.Language;
import vn.signer.report.Printable;
import vn.signer.report.Words;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.words.Answers;

/**
 * Entry point: {@code signer-server --config FILE [--lang vi|en]}. Start-up errors are said in the
 * operator's language: {@code --lang}, else the environment's locale, as the command line does.
 * Stops gracefully on SIGTERM (exit 0) or Ctrl-C.
 */
public final class Main {
    private Main() {
    }

    /** The value after {@code name} in {@code args}, or null. */
    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }


    /**
     * A start-up error in the operator's language with what to do: the server's own advice for the
     * problem (naming its flags and sample configuration) when it has one, else the problem's hint.
     */
    static String inWords(Problem problem, Locale language) {
        String advice = "advice." + problem.key();
        String hint = Words.of(language).has(Answers.BUNDLE, advice) ? Answers.text(language, advice, problem.facts())
                : problem.hint(language);
        return problem.message(language) + (hint == null ? "" : " — " + hint);
    }

    public static void main(String[] args) {
        // The libraries' logs and ours go to standard error (slf4j-simple looks it up at each line).
        System.setErr(new LogOutput(new FileOutputStream(FileDescriptor.err)));
        Locale language = Language.of(option(args, "--lang"), System.getenv());
        String config = option(args, "--config");
        if (config == null || args.length != (option(args, "--lang") == null ? 2 : 4)) {
            System.err.println(Answers.text(language, "start.usage", List.of()));
            System.exit(64);
        }
        SignerServer server;
        try {
            server = SignerServer.start(ServerConfig.load(Path.of(config)));
        } catch (SignerException e) {
            System.err.println(Answers.text(language, "start.failed", List.of(Printable.text(inWords(e.problem(), language)))));
            System.exit(78);
            return;
        }
        // Jetty's threads keep the JVM running; the hook runs on SIGTERM or Ctrl-C.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "signer-server-shutdown"));
        // Left to Java, SIGTERM runs the hook and then exits 143, which systemd and other service managers
        // count as a failure. SIGTERM is how the server is meant to stop: exiting through System.exit(0) runs
        // the same hook (refuse new requests, drain, log out of tokens) and then ends with 0. sun.misc.Signal is
        // in jdk.unsupported, kept for exactly this until Java has a supported API for it (JEP 260): javac warns.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
