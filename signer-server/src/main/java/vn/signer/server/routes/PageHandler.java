package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import vn.signer.report.Json;
import vn.signer.report.ReportSheet;
import vn.signer.report.Words;
import vn.signer.server.config.PageConfig;
import vn.signer.server.page.Checked;
import vn.signer.server.page.KeptResults;
import vn.signer.server.page.PageHtml;

/**
 * The verification page for people ({@code verification.page}): GET PATH is the form; POST PATH
 * verifies the document with the default trust profile and answers 303 to the result (so that a
 * reload does not send the document again); BASE/report?id= is the result, BASE/report.pdf?id= and
 * BASE/report.json?id= its reports to keep; BASE/assets/ the page's stylesheet and script. Every answer
 * carries a strict Content-Security-Policy and no cookie; errors are pages too, in the page's language.
 */
final class PageHandler {
    /** Only the page's own files; no inline script or style, no frames, forms posting only here. */
    static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private final ServerContext server;
    private final VerifyHandler verify;
    private final PageConfig config;
    private final PageHtml.Place place;
    private final KeptResults kept;
    private final List<Route> routes;
    private final String css = Routes.resource("/vn/signer/server/page/verify.css");
    private final String js = Routes.resource("/vn/signer/server/page/verify.js");
    /** Its own icon, or the browser asks for /favicon.ico, which is not there. */
    private final String icon = Routes.resource("/vn/signer/server/page/icon.svg");

    PageHandler(ServerContext server, VerifyHandler verify) {
        this.server = server;
        this.verify = verify;
        this.config = server.config().verification().page();
        this.place = new PageHtml.Place(config.path(), config.base());
        this.kept = new KeptResults(Duration.ofSeconds(config.reportSeconds()), config.maxReports());
        String base = config.base();
        this.routes = List.of(
                new Route(HandlerType.GET, config.path(), Access.PAGE, this::form),
                new Route(HandlerType.POST, config.path(), Access.PAGE, this::upload),
                new Route(HandlerType.GET, base + "/report", Access.PAGE, this::result),
                new Route(HandlerType.GET, base + "/report.pdf", Access.PAGE, this::pdf),
                new Route(HandlerType.GET, base + "/report.json", Access.PAGE, this::json),
                new Route(HandlerType.GET, base + "/assets/verify.css", Access.PAGE,
                        ctx -> asset(ctx, "text/css; charset=utf-8", css)),
                new Route(HandlerType.GET, base + "/assets/verify.js", Access.PAGE,
                        ctx -> asset(ctx, "text/javascript; charset=utf-8", js)),
                new Route(HandlerType.GET, base + "/assets/icon.svg", Access.PAGE, ctx -> asset(ctx, "image/svg+xml", icon)));
    }

    /** The page's routes, all {@link Access#PAGE}. */
    List<Route> routes() {
        return routes;
    }

    private void form(Context ctx) {
        html(ctx, 200, PageHtml.form(language(ctx), place, server.config().limits().maxRequestBytes(), null));
    }

    private void upload(Context ctx) throws Exception {
        Checked checked = verify.check(ctx, server.trust().defaultProfile(), false);
        String id = kept.keep(checked);
        secure(ctx);
        ctx.redirect(config.base() + "/report?id=" + id + "&lang=" + AnswerLanguage.header(language(ctx)), HttpStatus.SEE_OTHER);
    }

    private void result(Context ctx) {
        Checked checked = kept(ctx);
        Locale language = language(ctx);
        ReportSheet sheet = ReportSheet.of(checked.report(), checked.details(), Words.of(language));
        html(ctx, 200, PageHtml.result(sheet, place, Query.parse(ctx.queryString()).get("id"), minutes()));
    }

    private void pdf(Context ctx) throws Exception {
        Checked checked = kept(ctx);
        Locale language = language(ctx);
        secure(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + (Words.isVietnamese(language)
                ? "bao-cao-kiem-tra-chu-ky.pdf" : "signature-verification-report.pdf") + "\"");
        ctx.contentType("application/pdf").result(verify.pdf(ctx, checked, language));
    }

    private void json(Context ctx) {
        Checked checked = kept(ctx);
        secure(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"verification-report.json\"");
        ctx.contentType("application/json").result(Json.line(checked.report(), language(ctx)));
    }

    private void asset(Context ctx, String type, String content) {
        secure(ctx);
        // The same for every caller and every language; an hour in a browser's cache is safe.
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(type).result(content);
    }

    /** An error answer as a page: the form again, with the message above it. */
    void error(Context ctx, ErrorResponses.Answer answer) {
        html(ctx, answer.status(), PageHtml.form(language(ctx), place, server.config().limits().maxRequestBytes(), answer.shown()));
    }

    /** Whether {@code route} (a path of the route table) is one of the page's. */
    boolean owns(String route) {
        return route != null && routes.stream().anyMatch(r -> r.path().equals(route));
    }

    private Checked kept(Context ctx) {
        Checked checked = kept.get(Query.parse(ctx.queryString()).get("id"));
        if (checked == null) {
            throw new HttpError(404, "NOT_FOUND", "page.expired", minutes());
        }
        return checked;
    }

    private int minutes() {
        return Math.max(1, config.reportSeconds() / 60);
    }

    private static Locale language(Context ctx) {
        return AnswerLanguage.of(ctx, AnswerLanguage.VIETNAMESE);
    }

    private static void html(Context ctx, int status, String page) {
        secure(ctx);
        ctx.header("Content-Language", AnswerLanguage.header(language(ctx)));
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }
}
