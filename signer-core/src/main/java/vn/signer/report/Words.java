package vn.signer.report;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import vn.signer.Problem;

/**
 * Puts {@link Remark}s, numbers and times into words in one language: English by default, Vietnamese for
 * a Vietnamese locale, each with its own conventions (12,345.5 and ISO 8601 times with +07:00 in English;
 * 12.345,5 and dd/MM/yyyy HH:mm:ss "giờ Việt Nam" in Vietnamese; numbers of four digits are not grouped,
 * so that a key of 2048 bits reads as it is named). The words are in the Reasons bundle;
 * placeholders {0}, {1}... are replaced literally, so a translator may write apostrophes freely
 * (MessageFormat would swallow them). Immutable and safe for several threads.
 */
public final class Words {
    private static final String BUNDLE = "vn.signer.report.Reasons";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Never fall back to the JVM's default locale: a server in Vietnam must still answer in English when asked. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public static final Words ENGLISH = new Words(Locale.ROOT, Locale.ENGLISH,
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(VIETNAM), DateTimeFormatter.ISO_LOCAL_DATE.withZone(VIETNAM));
    public static final Words VIETNAMESE = new Words(Locale.forLanguageTag("vi"), Locale.forLanguageTag("vi-VN"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss '(giờ Việt Nam)'").withZone(VIETNAM),
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM));

    private final Locale locale;
    private final Locale numbers;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;
    private final ResourceBundle bundle;

    private Words(Locale locale, Locale numbers, DateTimeFormatter time, DateTimeFormatter date) {
        this.locale = locale;
        this.numbers = numbers;
        this.time = time;
        this.date = date;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** Vietnamese when {@code locale}'s language is "vi", else English (also for null). */
    public static Words of(Locale locale) {
        return isVietnamese(locale) ? VIETNAMESE : ENGLISH;
    }

    /** Whether {@code locale} asks for Vietnamese. */
    public static boolean isVietnamese(Locale locale) {
        return locale != null && "vi".equals(locale.getLanguage());
    }

    /** The language: {@link Locale#ROOT} for English, "vi" for Vietnamese. */
    public Locale locale() {
        return locale;
    }

    /** {@code remark} in words; its parameters in this language's conventions. */
    public String text(Remark remark) {
        return fill(template(remark.code()), remark.args());
    }

    /** Each remark in words, in order. */
    public List<String> texts(List<Remark> remarks) {
        return remarks.stream().map(this::text).toList();
    }

    /**
     * The text of {@code key} in another bundle of words (a face's own: the command line's, the
     * server's), in this language, its placeholders filled as {@link #fill} does.
     */
    public String message(String bundleName, String key, List<?> args) {
        return fill(ResourceBundle.getBundle(bundleName, locale, NO_FALLBACK).getString(key), args);
    }

    /** Whether another bundle of words has {@code key} in this language. */
    public boolean has(String bundleName, String key) {
        return ResourceBundle.getBundle(bundleName, locale, NO_FALLBACK).containsKey(key);
    }

    /** Whether the Reasons bundle has words for {@code code}. */
    public boolean knows(String code) {
        return bundle.containsKey(code);
    }

    /** {@code template}'s placeholders {0}, {1}... replaced by {@code args} in this language's conventions. */
    public String fill(String template, List<?> args) {
        String text = template;
        for (int i = 0; i < args.size(); i++) {
            text = text.replace("{" + i + "}", value(args.get(i)));
        }
        return text;
    }

    /** An instant in Vietnam time. */
    public String time(Instant instant) {
        return time.format(instant);
    }

    /** The day of an instant in Vietnam. */
    public String date(Instant instant) {
        return date.format(instant);
    }

    /** A number with this language's decimal and grouping marks. */
    public String number(Number number) {
        NumberFormat format = NumberFormat.getNumberInstance(numbers);
        format.setGroupingUsed(Math.abs(number.doubleValue()) >= 10_000);
        return format.format(number);
    }

    private String value(Object arg) {
        if (arg instanceof Remark remark) {
            return text(remark);
        }
        if (arg instanceof Problem problem) {
            return message(problem.bundle(), problem.key(), problem.facts());
        }
        if (arg instanceof Number number) {
            return number(number);
        }
        if (arg instanceof Instant instant) {
            return time(instant);
        }
        if (arg instanceof Collection<?> list) {
            return list.stream().map(this::value).collect(Collectors.joining(", "));
        }
        return String.valueOf(arg);
    }

    private String template(String code) {
        try {
            return bundle.getString(code);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no words for the code " + code, e);
        }
    }
}
