package vn.signer.cli;

/** Entry point of the 'signer' command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(Terminal.system()).execute(args));
    }
}
