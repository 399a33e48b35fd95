package vn.signer.server.words;

import java.util.List;
import java.util.Locale;
import vn.signer.report.Words;

/**
 * The server's own words (its refusals and errors), keyed, in English and Vietnamese: the Answers
 * bundle, filled in with {@link Words}' conventions for numbers and times.
 */
public final class Answers {
    /** The bundle's name, for {@link vn.signer.Problem}s worded in it. */
    public static final String BUNDLE = "vn.signer.server.words.Answers";

    private Answers() {
    }

    /** The text of {@code key} in the language of {@code locale} (Vietnamese for "vi", else English). */
    public static String text(Locale locale, String key, List<?> args) {
        return Words.of(locale).message(BUNDLE, key, args);
    }

    /** The English text of {@code key}: for the server's log and audit, which are read by its operators. */
    public static String english(String key, List<?> args) {
        return text(Locale.ROOT, key, args);
    }
}
