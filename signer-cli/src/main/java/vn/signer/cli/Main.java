package vn.signer.cli;

import java.util.Set;
import vn.signer.Preload;

/** Entry point of the 'signer' command. */
public final class Main {
    private static final Set<String> COMMANDS = Set.of("keys", "sign", "agent", "extend", "verify", "audit", "help");
    /** The commands that sign or verify, and so need the cryptographic provider soon. */
    private static final Set<String> CRYPTO_COMMANDS = Set.of("sign", "verify", "extend");

    private Main() {
    }

    public static void main(String[] args) {
        // A one-document run lasts about a second: setting up the provider on the second core while
        // this one parses the command line and opens the key takes a tenth off it.
        if (CRYPTO_COMMANDS.contains(command(args))) {
            Preload.startInBackground();
        }
        System.exit(CommandLineFactory.create(Terminal.system()).execute(args));
    }

    /** The subcommand named, the first word that names one (options such as --lang may come before it). */
    private static String command(String[] args) {
        for (String arg : args) {
            if (COMMANDS.contains(arg)) {
                return arg;
            }
        }
        return "";
    }
}
