package vn.signer.server.routes;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The language of an answer: {@code ?lang=vi|en} wins, else the best of Vietnamese and English by the
 * request's Accept-Language (q-values weigh; q=0 refuses a language), else English, what the server
 * answered before it spoke Vietnamese.
 */
final class AnswerLanguage {
    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String ATTRIBUTE = "signer.answerLanguage";

    private AnswerLanguage() {
    }

    /**
     * The language asked for by the request, kept for its answers.
     *
     * @throws HttpError 400 when {@code lang} is neither vi nor en
     */
    static Locale of(Context ctx) {
        return of(ctx, ENGLISH);
    }

    /**
     * {@link #of(Context)}, with {@code fallback} when the request asks for neither language: the
     * verification page for people speaks Vietnamese first, the API English.
     */
    static Locale of(Context ctx, Locale fallback) {
        Locale known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String lang = Query.parse(ctx.queryString()).get("lang");
        Locale locale = lang == null ? fromHeader(ctx.header("Accept-Language"), fallback) : switch (lang) {
            case "vi" -> VIETNAMESE;
            case "en" -> ENGLISH;
            default -> throw new HttpError(400, "BAD_REQUEST", "lang.unknown");
        };
        ctx.attribute(ATTRIBUTE, locale);
        return locale;
    }

    /**
     * The language for an error answer, which must be given whatever is wrong with the request: a query
     * that cannot be read, or a bad {@code lang} (the very error being answered), leaves the header's.
     */
    static Locale forError(Context ctx) {
        Locale known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        try {
            return of(ctx);
        } catch (HttpError e) {
            return fromHeader(ctx.header("Accept-Language"));
        }
    }

    /** The best of Vietnamese and English in an Accept-Language header; English when neither or none. */
    static Locale fromHeader(String header) {
        return fromHeader(header, ENGLISH);
    }

    /** The best of Vietnamese and English in an Accept-Language header; {@code fallback} when neither, any or none. */
    static Locale fromHeader(String header, Locale fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            // A header that is not one says nothing about the caller's language; it is not worth a refusal.
            return fallback;
        }
        // parse() orders the ranges by weight, the first listed first among equals.
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            if (tag.equals("vi") || tag.startsWith("vi-")) {
                return VIETNAMESE;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                return ENGLISH;
            }
            if (tag.equals("*")) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The Content-Language header's value for {@code locale}. */
    static String header(Locale locale) {
        return VIETNAMESE.equals(locale) ? "vi" : "en";
    }
}
