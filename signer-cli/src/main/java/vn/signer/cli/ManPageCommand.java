package vn.signer.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * 'signer manpage': the manual page, in roff, made from the same picocli model as --help (commands,
 * options, parameters, exit codes), so that it says what the program does. picocli's own generator
 * writes AsciiDoc, which would need Asciidoctor to become a man page.
 */
@Command(name = "manpage", description = {
    "Prints the manual page of signer (roff). Install it with",
    "  signer manpage > ~/.local/share/man/man1/signer.1   (then: man signer)"})
final class ManPageCommand implements Callable<Integer> {
    @ParentCommand
    SignerCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        root.terminal().out().print(page(spec.root(), root.locale()));
        root.terminal().out().flush();
        return ExitCodes.OK;
    }

    /** The page of {@code top}, whose help texts are in the language of {@code locale}, as its exit codes are. */
    static String page(CommandSpec top, Locale locale) {
        StringBuilder roff = new StringBuilder();
        String version = top.version().length > 0 ? top.version()[0] : "signer";
        roff.append(".TH SIGNER 1 \"\" \"").append(escape(version)).append("\" \"User Commands\"\n");
        roff.append(".SH NAME\nsigner \\- ").append(escape(String.join(" ", top.usageMessage().description()))).append('\n');
        roff.append(".SH SYNOPSIS\n.B signer\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n");
        roff.append(".SH OPTIONS\n");
        options(top, roff);
        roff.append(".SH COMMANDS\n");
        for (CommandLine sub : top.subcommands().values()) {
            command(sub.getCommandSpec(), roff);
        }
        roff.append(".SH EXIT STATUS\n");
        for (Map.Entry<String, String> code : ExitCodes.helpTable(locale).entrySet()) {
            roff.append(".TP\n.B ").append(code.getKey().strip()).append('\n').append(escape(code.getValue())).append('\n');
        }
        return roff.toString();
    }

    private static void command(CommandSpec command, StringBuilder roff) {
        if (command.usageMessage().hidden() || command.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        roff.append(".SS ").append(escape(command.qualifiedName())).append('\n');
        roff.append(".B ").append(escape(command.qualifiedName()));
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            if (!parameter.hidden()) {
                roff.append(" \\fI").append(escape(parameter.paramLabel())).append("\\fR")
                        .append(parameter.arity().max() > 1 ? "..." : "");
            }
        }
        roff.append("\n.PP\n").append(escape(String.join("\n", command.usageMessage().description()))).append('\n');
        options(command, roff);
        for (CommandLine sub : command.subcommands().values()) {
            command(sub.getCommandSpec(), roff);
        }
    }

    /** The command's own options: those it inherits are described once, under signer. */
    private static void options(CommandSpec command, StringBuilder roff) {
        for (OptionSpec option : command.options()) {
            if (option.hidden() || (option.inherited() && command.parent() != null)) {
                continue;
            }
            roff.append(".TP\n");
            List<String> names = List.of(option.names());
            roff.append("\\fB").append(escape(String.join(", ", names))).append("\\fR");
            if (option.arity().max() > 0) {
                roff.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
            }
            roff.append('\n').append(escape(String.join(" ", option.description()))).append('\n');
        }
    }

    /** Text as roff shows it: backslashes and dashes escaped, no line read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder lines = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return lines.toString();
    }
}
