package vn.signer.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The language signer speaks: Vietnamese with --lang vi, or when the environment's locale is
 * Vietnamese (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), or, with none of those set,
 * when the JVM's default locale is; English otherwise.
 */
final class Language {
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Language() {
    }

    static Locale of(String lang, Map<String, String> environment) {
        if (lang != null) {
            return isVietnamese(lang) ? VIETNAMESE : Locale.ENGLISH;
        }
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return isVietnamese(value) ? VIETNAMESE : Locale.ENGLISH;
            }
        }
        return "vi".equals(Locale.getDefault().getLanguage()) ? VIETNAMESE : Locale.ENGLISH;
    }

    static boolean isVietnamese(Locale locale) {
        return "vi".equals(locale.getLanguage());
    }

    private static boolean isVietnamese(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("vi") || v.startsWith("vi_") || v.startsWith("vi-") || v.startsWith("vi.");
    }
}
