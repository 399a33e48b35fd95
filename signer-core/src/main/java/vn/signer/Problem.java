package vn.signer;

import java.util.List;
import java.util.Locale;
import vn.signer.report.Words;

/**
 * What went wrong, as a key of the Problems bundle and its facts (file names, sizes, pages), put into
 * words only when shown, in the language asked for. The key's text says what is wrong; the text of
 * {@code key.hint}, when there is one, what to do in terms of the document, never of a face's options:
 * each face (the command line, the server) may give its own advice for the key instead.
 *
 * @param key   the key in the Problems bundle
 * @param facts the values of the key's {0}, {1}... placeholders (strings, numbers, instants, lists)
 */
public record Problem(String key, List<Object> facts) {
    private static final String BUNDLE = "vn.signer.Problems";

    public Problem {
        facts = List.copyOf(facts);
    }

    public static Problem of(String key, Object... facts) {
        return new Problem(key, List.of(facts));
    }

    /** What is wrong, in the language of {@code locale} (Vietnamese for "vi", else English). */
    public String message(Locale locale) {
        return Words.of(locale).message(BUNDLE, key, facts);
    }

    /** What to do, in the language of {@code locale}, or null when the bundle has no advice for this key. */
    public String hint(Locale locale) {
        Words words = Words.of(locale);
        return words.has(BUNDLE, key + ".hint") ? words.message(BUNDLE, key + ".hint", facts) : null;
    }
}
