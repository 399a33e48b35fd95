package vn.signer.cli;

import java.util.List;
import java.util.Locale;
import vn.signer.Problem;
import vn.signer.report.Printable;
import vn.signer.report.Remark;
import vn.signer.report.Words;

/** The command line's own lines (progress, summaries, listings, prompts) from the Messages bundle, in English or Vietnamese. */
final class CliWords {
    private static final String BUNDLE = "vn.signer.cli.Messages";

    private CliWords() {
    }

    static String text(Locale locale, String key, Object... args) {
        return Words.of(locale).message(BUNDLE, key, List.of(args));
    }

    /** A fact of core's (a token, a key, a key file) in words, escaped for the terminal. */
    static String shown(Locale locale, Remark fact) {
        return Printable.text(Words.of(locale).text(fact));
    }

    /** A problem of the command line's own (its options' use), worded in this bundle: KEY and KEY.hint. */
    static Problem problem(String key, Object... facts) {
        return Problem.in(BUNDLE, key, facts);
    }
}
