package vn.signer.cli;

import java.util.List;
import java.util.Locale;
import vn.signer.report.Words;

/** The command line's own lines (progress, summaries, listings, prompts) from the Messages bundle, in English or Vietnamese. */
final class CliWords {
    private static final String BUNDLE = "vn.signer.cli.Messages";

    private CliWords() {
    }

    static String text(Locale locale, String key, Object... args) {
        return Words.of(locale).message(BUNDLE, key, List.of(args));
    }
}
