package vn.signer.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the commands talk to: output, errors, the environment and the terminal (null when there is
 * none). Injected so that tests run exactly what main runs, with their own streams.
 */
record Terminal(PrintWriter out, PrintWriter err, Map<String, String> environment, Console console) {

    static Terminal system() {
        // UTF-8 whatever the JVM guessed: names and Vietnamese messages must not turn into '?' under a
        // POSIX or uninstalled locale.
        return new Terminal(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.getenv(), System.console());
    }
}
