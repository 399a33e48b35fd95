package vn.signer.report;

import java.util.Locale;
import java.util.Map;

/**
 * The language signer speaks to the person at a console (the command line's user, the server's
 * operator at its start): Vietnamese when asked for ("vi"), or when the environment's locale is
 * Vietnamese (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), or, with none of those set,
 * when the JVM's default locale is; English otherwise. bin/signer replaces a locale that does not work
 * as UTF-8 with one that does, in LC_ALL, and keeps the caller's LC_ALL in SIGNER_CALLER_LC_ALL: the
 * language is the caller's.
 */
public final class Language {
    /** The locale of Vietnamese text. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** Where bin/signer keeps the caller's LC_ALL when it sets its own (bin/lib/utf8-locale.sh). */
    public static final String CALLER_LC_ALL = "SIGNER_CALLER_LC_ALL";

    private Language() {
    }

    /**
     * The language asked for by {@code lang} ("vi", "en", a locale name), or when it is null by the
     * environment's locale variables.
     */
    public static Locale of(String lang, Map<String, String> environment) {
        if (lang != null) {
            return isVietnamese(lang) ? VIETNAMESE : Locale.ENGLISH;
        }
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = variable.equals("LC_ALL") && environment.containsKey(CALLER_LC_ALL)
                    ? environment.get(CALLER_LC_ALL) : environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return isVietnamese(value) ? VIETNAMESE : Locale.ENGLISH;
            }
        }
        return "vi".equals(Locale.getDefault().getLanguage()) ? VIETNAMESE : Locale.ENGLISH;
    }

    /** Whether {@code locale} is Vietnamese. */
    public static boolean isVietnamese(Locale locale) {
        return "vi".equals(locale.getLanguage());
    }

    private static boolean isVietnamese(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("vi") || v.startsWith("vi_") || v.startsWith("vi-") || v.startsWith("vi.");
    }
}
