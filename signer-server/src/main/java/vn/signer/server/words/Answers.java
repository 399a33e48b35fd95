package vn.signer.server.words;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.signer.report.Words;

/**
 * The server's own words (its refusals and errors), keyed, in English and Vietnamese: the Answers
 * bundle, filled in with {@link Words}' conventions for numbers and times.
 */
public final class Answers {
    private static final String BUNDLE = "vn.signer.server.words.Answers";
    /** Never the JVM's default locale: the caller's language decides, not the server machine's. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Answers() {
    }

    /** The text of {@code key} in the language of {@code locale} (Vietnamese for "vi", else English). */
    public static String text(Locale locale, String key, List<?> args) {
        Words words = Words.of(locale);
        return words.fill(ResourceBundle.getBundle(BUNDLE, words.locale(), NO_FALLBACK).getString(key), args);
    }

    /** The English text of {@code key}: for the server's log and audit, which are read by its operators. */
    public static String english(String key, List<?> args) {
        return text(Locale.ROOT, key, args);
    }
}
