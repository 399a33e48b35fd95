package vn.signer.cli;

import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import vn.signer.SignerException;
import vn.signer.report.Printable;
import vn.signer.report.Language;

/**
 * Builds the 'signer' command line: commands, the exit-code table and the one place where errors
 * become a one-line message and an exit code. Tests use it to run exactly what main runs.
 */
final class CommandLineFactory {
    /** Vietnamese help texts; English ones are in the annotations. */
    static final String HELP_BUNDLE = "vn.signer.cli.Help";

    private CommandLineFactory() {
    }

    static CommandLine create(Terminal terminal) {
        SignerCommand root = new SignerCommand(terminal);
        CommandLine cli = new CommandLine(root);
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> handle(exception, root, terminal));
        // --lang is known only once parsed: switch the help texts to Vietnamese then, before help is printed.
        List<CommandLine> all = new ArrayList<>(cli.getSubcommands().values());
        all.add(cli);
        cli.setExecutionStrategy(parseResult -> {
            List<String> args = parseResult.originalArgs();
            int undecoded = ArgumentEncoding.undecoded(args);
            if (undecoded >= 0) {
                return refuseUndecoded(undecoded, ArgumentEncoding.takenBy(parseResult, args.get(undecoded)), terminal,
                        root.locale());
            }
            if (Language.isVietnamese(root.locale())) {
                cli.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, Language.VIETNAMESE,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
                for (CommandLine command : all) {
                    command.getCommandSpec().usageMessage().exitCodeListHeading(CliWords.text(root.locale(), "exit.heading"))
                            .exitCodeList(ExitCodes.helpTable(root.locale()));
                }
            }
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // Uncaught, the JVM would print a stack trace and exit 1, which 'verify' means INVALID.
                return exhausted(e, root, terminal);
            }
        });
        // An undecoded file name may fail its conversion to a path: that is a locale problem, said so, too.
        cli.setParameterExceptionHandler((exception, args) -> {
            Locale locale = Language.of(null, terminal.environment());
            int undecoded = ArgumentEncoding.undecoded(List.of(args));
            return undecoded < 0 ? usageError(exception, terminal, locale)
                    : refuseUndecoded(undecoded, ArgumentEncoding.takenBy(exception, args[undecoded]), terminal, locale);
        });
        for (CommandLine command : all) {
            command.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
            command.getCommandSpec().exitCodeOnExecutionException(ExitCodes.SOFTWARE);
            command.getCommandSpec().usageMessage().exitCodeListHeading(CliWords.text(Locale.ROOT, "exit.heading"))
                    .exitCodeList(ExitCodes.helpTable(Locale.ROOT));
        }
        return cli;
    }

    /** Refuses the argument at {@code index}, which the locale could not decode (exit 64). */
    private static int refuseUndecoded(int index, String takenBy, Terminal terminal, Locale locale) {
        terminal.err().println(CliMessages.undecodedArgument(index + 1, takenBy,
                ArgumentEncoding.localeSetting(terminal.environment()), ArgumentEncoding.encoding(), locale));
        terminal.err().flush();
        return ExitCodes.USAGE;
    }

    /**
     * A usage error is one line too. Unknown options are named, but never the words after them: after
     * a mistyped "--pin 1234" the next word is a secret.
     */
    private static int usageError(CommandLine.ParameterException exception, Terminal terminal, Locale locale) {
        String message = exception.getMessage();
        if (exception.getCause() instanceof OptionValues.Refused refused && exception.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            message = option.longestName() + ": " + refused.text(locale);
        } else if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).toList();
            message = options.isEmpty() ? "unexpected arguments" : "unknown option " + String.join(", ", options);
        }
        terminal.err().println(CliMessages.usagePrefix(locale) + Printable.text(message)
                + CliMessages.seeHelp(exception.getCommandLine().getCommandSpec().qualifiedName(), locale));
        terminal.err().flush();
        return ExitCodes.USAGE;
    }

    private static int exhausted(VirtualMachineError error, SignerCommand root, Terminal terminal) {
        if (root.verbose) {
            error.printStackTrace(terminal.err());
        }
        terminal.err().println(CliMessages.exhausted(error, root.locale()));
        terminal.err().flush();
        return ExitCodes.SOFTWARE;
    }

    private static int handle(Exception exception, SignerCommand root, Terminal terminal) {
        // A batch worker's OutOfMemoryError reaches here wrapped.
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return exhausted((VirtualMachineError) t, root, terminal);
            }
        }
        if (root.verbose) {
            exception.printStackTrace(terminal.err());
        }
        // A file name found in a folder that the locale could not decode cannot even be opened.
        if (exception instanceof InvalidPathException e && e.getInput().indexOf(ArgumentEncoding.REPLACEMENT) >= 0) {
            terminal.err().println(CliMessages.undecodedFileName(e.getInput(), ArgumentEncoding.localeSetting(terminal.environment()),
                    ArgumentEncoding.encoding(), root.locale()));
            terminal.err().flush();
            return ExitCodes.USAGE;
        }
        if (exception instanceof SignerException e) {
            terminal.err().println(CliMessages.error(e, root.locale()));
            terminal.err().flush();
            return ExitCodes.of(e.code());
        }
        terminal.err().println("signer: internal error (" + exception.getClass().getSimpleName() + ": "
                + Printable.text(exception.getMessage()) + ")" + (root.verbose ? "" : "; run with --verbose for details"));
        terminal.err().flush();
        return ExitCodes.SOFTWARE;
    }
}
