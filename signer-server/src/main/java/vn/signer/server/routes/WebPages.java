package vn.signer.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.server.config.DemoConfig;
import vn.signer.server.config.ServerConfig;

/**
 * What the server gives browsers: signer-agent.js (for any e-office page), CORS for the configured
 * origins only, and the demo e-office page when its configuration enables it. Pages carry a strict
 * Content-Security-Policy: scripts and styles from this server only, no inline script, calls only to
 * this server and the signing agent.
 */
final class WebPages {
    private final ServerConfig config;
    private final byte[] agentScript;

    WebPages(ServerConfig config) {
        this.config = config;
        this.agentScript = resource("signer-agent.js");
    }

    /** Sets the CORS answer headers when the request's Origin is configured; others get none. */
    void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && config.cors().origins().contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "X-Signature-Format, X-Signature-Level, X-Signature-Signer, "
                    + "X-Signature-Signing-Time, X-Signature-Timestamp-Authorities, X-Document-SHA256");
        }
        ctx.header("Vary", "Origin");
    }

    /** A CORS preflight: allowed for a configured origin (204 with the methods and headers), else 403. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !config.cors().origins().contains(origin)) {
            throw HttpError.forbidden("cors.origin", String.valueOf(origin));
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST");
        ctx.header("Access-Control-Allow-Headers", "Authorization, X-API-Key, Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    void agentScript(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").header("X-Content-Type-Options", "nosniff").result(agentScript);
    }

    /** /demo/ and its files; 404 unless the demo is enabled. */
    void demo(Context ctx) throws IOException {
        DemoConfig demo = config.demo();
        if (!demo.enabled()) {
            throw new HttpError(404, "NOT_FOUND", "route.unknown", ctx.method().name(), ctx.path());
        }
        String file = ctx.pathParamMap().getOrDefault("file", "");
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "connect-src 'self' " + demo.agent() + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        switch (file) {
            case "", "index.html" -> ctx.contentType("text/html; charset=utf-8").result(resource("demo/index.html"));
            case "demo.js" -> ctx.contentType("text/javascript; charset=utf-8").result(resource("demo/demo.js"));
            case "demo.css" -> ctx.contentType("text/css; charset=utf-8").result(resource("demo/demo.css"));
            case "settings.json" -> ctx.contentType("application/json").result(
                    vn.signer.report.Json.line(java.util.Map.of("agent", demo.agent(), "profile", demo.profile())));
            case "document.pdf" -> {
                Path document = config.path(demo.document());
                ctx.contentType("application/pdf").result(Files.readAllBytes(document));
            }
            default -> throw new HttpError(404, "NOT_FOUND", "route.unknown", ctx.method().name(), ctx.path());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/web/" + name + " is missing from the server's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /web/" + name, e);
        }
    }
}
