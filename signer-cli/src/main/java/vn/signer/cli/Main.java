package vn.signer.cli;

import java.util.Arrays;
import java.util.Set;
import vn.signer.Preload;

/** Entry point of the 'signer' command. */
public final class Main {
    /** The commands that sign or verify, and so need the cryptographic provider soon. */
    private static final Set<String> CRYPTO_COMMANDS = Set.of("sign", "verify", "extend");

    private Main() {
    }

    public static void main(String[] args) {
        // A one-document run lasts about a second: setting up the provider on the second core while
        // this one parses the command line and opens the key takes a tenth off it.
        if (Arrays.stream(args).anyMatch(CRYPTO_COMMANDS::contains)) {
            Preload.startInBackground();
        }
        System.exit(CommandLineFactory.create(Terminal.system()).execute(args));
    }
}
