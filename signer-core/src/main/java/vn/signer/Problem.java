package vn.signer;

import java.util.List;
import java.util.Locale;
import vn.signer.report.Words;

/**
 * What went wrong, as a key of a message bundle and its facts (file names, sizes, pages), put into
 * words only when shown, in the language asked for. The key's text says what is wrong; the text of
 * {@code key.hint}, when there is one, what to do. Core's problems are in its Problems bundle, whose
 * hints speak of the document, never of a face's options: each face (the command line, the server) may
 * give its own advice for the key instead. A face's own problems (a wrong combination of its options)
 * are in its own bundle.
 *
 * @param bundle the bundle holding {@code key}: {@link #CORE} for core's
 * @param key    the key in that bundle
 * @param facts  the values of the key's {0}, {1}... placeholders (strings, numbers, instants, lists, facts as
 *               {@link vn.signer.report.Remark}s, or other problems: a finding that is part of this one)
 */
public record Problem(String bundle, String key, List<Object> facts) {
    /** signer-core's own bundle. */
    public static final String CORE = "vn.signer.Problems";

    public Problem {
        facts = List.copyOf(facts);
    }

    /** One of core's problems. */
    public static Problem of(String key, Object... facts) {
        return new Problem(CORE, key, List.of(facts));
    }

    /** A face's own problem, worded in its {@code bundle} (English, with a {@code _vi} Vietnamese twin). */
    public static Problem in(String bundle, String key, Object... facts) {
        return new Problem(bundle, key, List.of(facts));
    }

    /** What is wrong, in the language of {@code locale} (Vietnamese for "vi", else English). */
    public String message(Locale locale) {
        return Words.of(locale).message(bundle, key, facts);
    }

    /** What is wrong and, when the bundle says, what to do ("… — …"), in the language of {@code locale}. */
    public String oneLine(Locale locale) {
        String hint = hint(locale);
        return message(locale) + (hint == null ? "" : " — " + hint);
    }

    /** What to do, in the language of {@code locale}, or null when the bundle has no advice for this key. */
    public String hint(Locale locale) {
        Words words = Words.of(locale);
        return words.has(bundle, key + ".hint") ? words.message(bundle, key + ".hint", facts) : null;
    }
}
