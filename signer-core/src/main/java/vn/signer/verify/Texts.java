package vn.signer.verify;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The plain words of verification reports in one language, from the Reasons bundle: English by
 * default, Vietnamese for a Vietnamese locale. Placeholders {0}, {1}... are replaced literally, so a
 * translator may write apostrophes freely (MessageFormat would swallow them).
 */
final class Texts {
    private static final String BUNDLE = "vn.signer.verify.Reasons";
    /** Never fall back to the JVM's default locale: a server in Vietnam must still answer in English when asked. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    static final Texts ENGLISH = new Texts(Locale.ROOT);

    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    static Texts of(Locale locale) {
        return locale == null || !"vi".equals(locale.getLanguage()) ? ENGLISH : new Texts(locale);
    }

    String get(String key, Object... args) {
        String text = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
