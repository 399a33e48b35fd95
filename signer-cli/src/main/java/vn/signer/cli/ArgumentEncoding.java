package vn.signer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds arguments that did not survive decoding. Java decodes the command line (and file names)
 * with the encoding of the locale it starts in (sun.jnu.encoding, from LC_ALL, LC_CTYPE or LANG;
 * {@code -Dsun.jnu.encoding} is ignored on Java 17), and turns the bytes it cannot decode into
 * U+FFFD: Vietnamese under the POSIX locale ({@code env -i}, cron, systemd) or under a locale that is
 * not installed. Signed as they are, "Phê duyệt" would go into the document as "Ph�� duy���t".
 */
final class ArgumentEncoding {
    /** What a decoder puts in place of bytes it cannot decode. */
    static final char REPLACEMENT = '\uFFFD';

    private ArgumentEncoding() {
    }

    /** The position (from 0) of the first argument holding U+FFFD, or -1 when every one was decoded. */
    static int undecoded(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).indexOf(REPLACEMENT) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The option (--reason) or parameter (FILE) that took {@code arg} in a parsed command line, or null. */
    static String takenBy(CommandLine.ParseResult parsed, String arg) {
        for (CommandLine.ParseResult command = parsed; command != null; command = command.subcommand()) {
            List<ArgSpec> specs = new ArrayList<>(command.matchedOptions());
            specs.addAll(command.matchedPositionals());
            for (ArgSpec spec : specs) {
                if (spec.originalStringValues().stream().anyMatch(v -> arg.equals(v) || arg.endsWith("=" + v))) {
                    return name(spec);
                }
            }
        }
        return null;
    }

    /** The option or parameter that could not take {@code arg} (a path the locale cannot encode), or null. */
    static String takenBy(CommandLine.ParameterException exception, String arg) {
        ArgSpec spec = exception.getArgSpec();
        String value = exception.getValue();
        return spec != null && value != null && (arg.equals(value) || arg.endsWith("=" + value)) ? name(spec) : null;
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    /** The variable that sets the locale's encoding, as NAME=VALUE (POSIX precedence), or null when none is set. */
    static String localeSetting(Map<String, String> environment) {
        for (String variable : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return variable + "=" + value;
            }
        }
        return null;
    }

    /** The encoding Java decoded the command line with. */
    static String encoding() {
        return System.getProperty("sun.jnu.encoding");
    }
}
