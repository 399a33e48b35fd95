package vn.signer.server.page;

import java.util.List;
import java.util.Locale;
import vn.signer.report.Printable;
import vn.signer.report.ReportSheet;
import vn.signer.report.Words;
import vn.signer.verify.Verdict;

/**
 * The verification page's HTML, written here without a template engine: the form, a result (a
 * {@link ReportSheet}: the same words as the PDF report and the command line) and an error. No inline
 * script or style (the Content-Security-Policy forbids them); one stylesheet and one script of the
 * page's own, which only adds drag and drop and a progress bar to a form that works without it.
 * Every text is HTML-escaped here, the report's values having been made printable already.
 */
public final class PageHtml {
    private static final String WORDS = "vn.signer.server.words.Page";
    /** Where the script puts the names of the files a detached signature signed, in page.detachedFound. */
    private static final String FILES = "%FILES%";

    private PageHtml() {
    }

    /**
     * Where the page is.
     *
     * @param path the form's path (configured)
     * @param base the prefix of the results, reports and assets ("" for "/")
     */
    public record Place(String path, String base) {
    }

    /** The form, with {@code error} above it (null for none). */
    public static String form(Locale language, Place place, long maxBytes, String error) {
        Words words = Words.of(language);
        StringBuilder body = new StringBuilder();
        if (error != null) {
            body.append("<section class=\"alert\" role=\"alert\" aria-labelledby=\"error-title\"><h2 id=\"error-title\">")
                    .append(text(words, "page.error")).append("</h2><p id=\"error\">").append(escape(Printable.text(error)))
                    .append("</p></section>\n");
        }
        long megabytes = Math.max(1, maxBytes / (1024 * 1024));
        body.append("<p>").append(text(words, "page.intro")).append("</p>\n")
                .append("<form id=\"upload\" method=\"post\" action=\"").append(escape(place.path()))
                .append("?lang=").append(tag(language)).append("\" enctype=\"multipart/form-data\" data-max-bytes=\"")
                .append(maxBytes).append("\" data-too-large=\"").append(text(words, "page.tooLarge", megabytes))
                .append("\" data-no-file=\"").append(text(words, "page.noFile")).append("\" data-uploading=\"")
                .append(text(words, "page.uploading")).append("\" data-uploaded=\"").append(text(words, "page.uploaded"))
                .append("\" data-failed=\"").append(text(words, "page.failed")).append("\">\n")
                .append("<div class=\"drop\" id=\"drop\">\n<label for=\"document\">").append(text(words, "page.file"))
                .append("</label>\n<input type=\"file\" id=\"document\" name=\"document\" required")
                .append(" accept=\".pdf,.xml,application/pdf,application/xml,text/xml\" aria-describedby=\"limit\">\n")
                .append("<p class=\"hint\" id=\"drop-hint\" hidden>").append(text(words, "page.drop")).append("</p>\n")
                .append("<p class=\"hint\" id=\"limit\">").append(text(words, "page.limit", megabytes)).append("</p>\n</div>\n")
                // Shown to all without the script; with it, only once the chosen document is a detached XML signature.
                .append("<div class=\"detached\" id=\"detached-part\" data-found=\"")
                .append(text(words, "page.detachedFound", FILES)).append("\">\n<p class=\"notice\" id=\"detached-found\" hidden></p>\n")
                .append("<label for=\"detached\">").append(text(words, "page.detached")).append("</label>\n")
                .append("<input type=\"file\" id=\"detached\" name=\"detached\" multiple aria-describedby=\"detached-hint\">\n")
                .append("<p class=\"hint\" id=\"detached-hint\">").append(text(words, "page.detachedHint")).append("</p>\n</div>\n")
                .append("<button type=\"submit\" id=\"submit\">").append(text(words, "page.submit")).append("</button>\n")
                .append("<progress id=\"progress\" max=\"100\" value=\"0\" hidden aria-labelledby=\"status\"></progress>\n")
                .append("<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n");
        return page(language, place, text(words, "page.title"), place.path() + "?lang=" + other(language), body.toString());
    }

    /** A result: the verdict at a glance, the downloads, the document, each signature, the timeline. */
    public static String result(ReportSheet sheet, Place place, String id, int keptMinutes) {
        Locale language = sheet.language();
        Words words = Words.of(language);
        String lang = tag(language);
        StringBuilder body = new StringBuilder();
        body.append("<section class=\"verdict ").append(css(sheet.verdict())).append("\" aria-labelledby=\"verdict\">\n")
                .append("<p class=\"label\">").append(text(words, "page.result")).append("</p>\n")
                .append("<h2 id=\"verdict\"><span class=\"mark\" aria-hidden=\"true\">").append(mark(sheet.verdict()))
                .append("</span> ").append(escape(sheet.headline())).append("</h2>\n<p id=\"summary\">")
                .append(escape(sheet.summary())).append("</p>\n</section>\n");
        String report = place.base() + "/report";
        body.append("<p class=\"actions\"><a class=\"button\" id=\"download-pdf\" href=\"").append(escape(report))
                .append(".pdf?id=").append(id).append("&amp;lang=").append(lang).append("\">").append(text(words, "page.downloadPdf"))
                .append("</a> <a class=\"button secondary\" id=\"download-json\" href=\"").append(escape(report))
                .append(".json?id=").append(id).append("&amp;lang=").append(lang).append("\">").append(text(words, "page.downloadJson"))
                .append("</a> <a id=\"another\" href=\"").append(escape(place.path())).append("?lang=").append(lang).append("\">")
                .append(text(words, "page.another")).append("</a></p>\n<p class=\"hint\">")
                .append(text(words, "page.kept", keptMinutes)).append("</p>\n");
        body.append("<section aria-labelledby=\"document-facts\">\n<h2 id=\"document-facts\">").append(label(words, "section.document"))
                .append("</h2>\n");
        facts(body, sheet.document());
        body.append("</section>\n<section aria-labelledby=\"signatures\">\n<h2 id=\"signatures\">")
                .append(label(words, "section.signatures")).append("</h2>\n");
        if (sheet.signatures().isEmpty()) {
            body.append("<p>").append(text(words, "page.noSignatures")).append("</p>\n");
        }
        int n = 1;
        for (ReportSheet.Card card : sheet.signatures()) {
            String heading = "signature-" + n++;
            body.append("<article class=\"card ").append(css(card.verdict())).append("\" aria-labelledby=\"").append(heading)
                    .append("\">\n<h3 id=\"").append(heading).append("\">").append(escape(card.title())).append(" — ")
                    .append(escape(card.signer())).append("</h3>\n<p class=\"card-verdict\"><span class=\"mark\" aria-hidden=\"true\">")
                    .append(mark(card.verdict())).append("</span> ").append(escape(card.headline())).append("</p>\n");
            facts(body, card.facts());
            list(body, "reasons", label(words, "card.reasons"), card.reasons());
            list(body, "notes", label(words, "card.notes"), card.notes());
            body.append("</article>\n");
        }
        body.append("</section>\n");
        if (!sheet.timeline().isEmpty()) {
            body.append("<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">").append(label(words, "section.timeline"))
                    .append("</h2>\n<ol class=\"timeline\">\n");
            for (ReportSheet.Revision revision : sheet.timeline()) {
                body.append("<li class=\"").append(css(revision.verdict())).append("\"><p class=\"revision\">")
                        .append(escape(revision.title())).append("</p>\n");
                if (revision.changes().isEmpty()) {
                    body.append("<p class=\"hint\">").append(escape(revision.nothing())).append("</p>\n");
                } else {
                    body.append("<ul>\n");
                    for (ReportSheet.Change change : revision.changes()) {
                        body.append("<li class=\"").append(change.allowed() ? "allowed" : "forbidden").append("\">")
                                .append(escape(change.text())).append(" — <strong>").append(escape(change.allowedText()))
                                .append("</strong></li>\n");
                    }
                    body.append("</ul>\n");
                }
                body.append("</li>\n");
            }
            body.append("</ol>\n</section>\n");
        }
        body.append("<footer><p class=\"hint\">").append(escape(sheet.footer())).append("</p></footer>\n");
        return page(language, place, sheet.title(), report + "?id=" + id + "&lang=" + other(language), body.toString());
    }

    private static void facts(StringBuilder body, List<ReportSheet.Fact> facts) {
        body.append("<dl class=\"facts\">\n");
        for (ReportSheet.Fact fact : facts) {
            body.append("<div").append(fact.alert() ? " class=\"alert-fact\"" : "").append("><dt>").append(escape(fact.label()))
                    .append("</dt><dd>").append(escape(fact.value())).append("</dd></div>\n");
        }
        body.append("</dl>\n");
    }

    private static void list(StringBuilder body, String kind, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append("<p class=\"list-label\">").append(escape(label)).append("</p>\n<ul class=\"").append(kind).append("\">\n");
        for (String item : items) {
            body.append("<li>").append(escape(item)).append("</li>\n");
        }
        body.append("</ul>\n");
    }

    private static String page(Locale language, Place place, String title, String otherLanguage, String body) {
        Words words = Words.of(language);
        String assets = place.base() + "/assets/";
        return "<!DOCTYPE html>\n<html lang=\"" + tag(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<link rel=\"icon\" href=\"" + escape(assets) + "icon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(assets) + "verify.css\">\n"
                + "<script src=\"" + escape(assets) + "verify.js\" defer></script>\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">" + text(words, "page.skip") + "</a>\n"
                + "<header><h1>" + escape(title) + "</h1>\n<a id=\"language\" href=\"" + escape(otherLanguage) + "\" lang=\""
                + other(language) + "\" hreflang=\"" + other(language) + "\">" + text(words, "page.language") + "</a></header>\n"
                + "<main id=\"main\">\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static String label(Words words, String key) {
        return escape(words.message("vn.signer.report.ReportText", key, List.of()));
    }

    private static String text(Words words, String key, Object... args) {
        return escape(words.message(WORDS, key, List.of(args)));
    }

    private static String tag(Locale language) {
        return Words.isVietnamese(language) ? "vi" : "en";
    }

    private static String other(Locale language) {
        return Words.isVietnamese(language) ? "en" : "vi";
    }

    private static String css(Verdict verdict) {
        return "verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String mark(Verdict verdict) {
        return switch (verdict) {
            case VALID -> "✓";
            case INVALID -> "✗";
            case INDETERMINATE -> "!";
            case NO_SIGNATURE -> "–";
        };
    }

    /** {@code text} safe in HTML text and in a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
