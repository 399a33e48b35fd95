package vn.signer.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What the commands talk to: output, errors, the environment and the terminal (null when there is
 * none). Injected so that tests run exactly what main runs, with their own streams.
 */
record Terminal(PrintWriter out, PrintWriter err, Map<String, String> environment, Console console) {

    static Terminal system() {
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv(), System.console());
    }
}
