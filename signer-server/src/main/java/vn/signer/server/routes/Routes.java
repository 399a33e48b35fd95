package vn.signer.server.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.signer.audit.AuditEntry;
import vn.signer.report.Json;
import vn.signer.server.audit.RefusalAudit;
import vn.signer.server.auth.Client;
import vn.signer.server.csc.Authorisations;
import vn.signer.server.profiles.SigningProfile;
import vn.signer.server.profiles.SplitProfile;
import vn.signer.server.profiles.SplitProfiles;
import vn.signer.server.split.SplitSessions;

/**
 * The route table, in one place, and the hooks every request passes: error answers, metrics and the
 * audit of refusals. Handlers are thin: they read the request, call signer-core and write the answer.
 */
public final class Routes {
    private final ServerContext server;
    private final SplitProfiles splitProfiles;
    private final List<Route> table;
    /** The verification page, or null when it is not enabled. */
    private final PageHandler page;
    private final WebPages web;

    /**
     * @param splitProfiles the keyless profiles, whose prepared documents {@code sessions} keeps
     * @param clock         when the CSC service's authorisations expire
     */
    public Routes(ServerContext server, SplitProfiles splitProfiles, SplitSessions sessions, Clock clock) {
        this.server = server;
        this.splitProfiles = splitProfiles;
        SplitHandler split = new SplitHandler(server, splitProfiles, sessions);
        VerifyHandler verify = new VerifyHandler(server);
        SignHandler sign = new SignHandler(server);
        ReadyHandler ready = new ReadyHandler(server);
        CscHandler csc = new CscHandler(server, new Authorisations(clock, CscHandler.MAX_AUTHORISATIONS,
                CscHandler.MAX_AUTHORISATIONS_PER_CLIENT));
        String openApi = resource("/openapi.json");
        this.page = server.config().verification().page().enabled() ? new PageHandler(server, verify) : null;
        WebPages web = new WebPages(server.config());
        this.web = web;
        List<Route> api = List.of(
                new Route(HandlerType.POST, "/v1/verify", Access.VERIFY, verify::handle),
                new Route(HandlerType.POST, "/v1/sign", Access.CLIENT, sign::handle),
                new Route(HandlerType.POST, "/v1/sign/prepare", Access.CLIENT, split::prepare),
                new Route(HandlerType.POST, "/v1/sign/complete", Access.CLIENT, split::complete),
                new Route(HandlerType.GET, "/v1/profiles", Access.CLIENT, this::profiles),
                new Route(HandlerType.POST, CscHandler.PREFIX + "info", Access.PUBLIC, csc::info),
                new Route(HandlerType.POST, CscHandler.PREFIX + "credentials/list", Access.CLIENT, csc::list),
                new Route(HandlerType.POST, CscHandler.PREFIX + "credentials/info", Access.CLIENT, csc::credentialInfo),
                new Route(HandlerType.POST, CscHandler.PREFIX + "credentials/authorize", Access.CLIENT, csc::authorize),
                new Route(HandlerType.POST, CscHandler.PREFIX + "signatures/signHash", Access.CLIENT, csc::signHash),
                new Route(HandlerType.OPTIONS, "/v1/sign/prepare", Access.PUBLIC, web::preflight),
                new Route(HandlerType.OPTIONS, "/v1/sign/complete", Access.PUBLIC, web::preflight),
                new Route(HandlerType.OPTIONS, "/v1/profiles", Access.PUBLIC, web::preflight),
                new Route(HandlerType.GET, "/signer-agent.js", Access.PUBLIC, web::agentScript),
                new Route(HandlerType.GET, "/demo/{file}", Access.PUBLIC, web::demo),
                new Route(HandlerType.GET, "/demo/", Access.PUBLIC, web::demo),
                new Route(HandlerType.GET, "/health", Access.PUBLIC,
                        ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}")),
                new Route(HandlerType.GET, "/ready", Access.PUBLIC, ready::handle),
                new Route(HandlerType.GET, "/metrics", Access.PUBLIC,
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(server.metrics().scrape())),
                new Route(HandlerType.GET, "/openapi.json", Access.PUBLIC,
                        ctx -> ctx.contentType("application/json").result(openApi)));
        this.table = page == null ? api : Stream.concat(api.stream(), page.routes().stream()).toList();
    }

    /** Registers the routes, the error answers and the metrics on {@code config}. */
    public void register(JavalinConfig config) {
        Guard guard = new Guard(server);
        for (Route route : table) {
            Handler guarded = guard.wrap(route);
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> {
                web.cors(ctx);
                guarded.handle(ctx);
            });
        }
        config.routes.exception(Exception.class, this::failed);
        config.routes.error(404, ctx -> {
            if (ctx.attribute(Guard.ROUTE_ATTRIBUTE) == null) {
                failed(new HttpError(404, "NOT_FOUND", "route.unknown", ctx.method().name(), ctx.path()), ctx);
            }
        });
        config.requestLogger.http((ctx, millis) -> {
            String route = ctx.attribute(Guard.ROUTE_ATTRIBUTE);
            server.metrics().request(ctx.method().name(), route == null ? "unmatched" : route, ctx.statusCode(),
                    Duration.ofNanos((long) (millis * 1_000_000)));
        });
    }

    private void profiles(Context ctx) {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        List<SigningProfile.Summary> keyed = client.profiles().stream().sorted()
                .filter(name -> server.profiles().get(name) != null).map(name -> server.profiles().get(name).summary()).toList();
        List<SplitProfile.Summary> keyless = client.profiles().stream().sorted()
                .filter(name -> splitProfiles.get(name) != null).map(name -> splitProfiles.get(name).summary()).toList();
        ctx.contentType("application/json").result(Json.line(Map.of("profiles", keyed, "splitProfiles", keyless)));
    }

    /** Answers an error; every one is counted and audited (repeats folded, see {@link RefusalAudit}). */
    private void failed(Exception e, Context ctx) {
        ErrorResponses.Answer answer = ErrorResponses.write(ctx, e);
        if (page != null && page.owns(ctx.attribute(Guard.ROUTE_ATTRIBUTE))) {
            page.error(ctx, answer);
        }
        server.metrics().error(answer.body().error());
        String route = ctx.attribute(Guard.ROUTE_ATTRIBUTE);
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        String profile = ctx.attribute(SignHandler.PROFILE_ATTRIBUTE);
        // An unmatched path is the caller's text: it is not written into the log, only its method.
        server.refusals().refused(new AuditEntry(Instant.now(), client == null ? ctx.ip() : client.name(),
                route == null ? ctx.method().name() + " (no such endpoint)" : route, profile,
                ctx.attribute(Upload.SHA256_ATTRIBUTE), answer.body().error(), answer.body().message()));
        if (route != null && (route.startsWith("/v1/sign") || route.startsWith(CscHandler.PREFIX + "signatures/"))
                && profile != null) {
            server.metrics().signature(profile, answer.body().error());
        }
    }

    /** The method and path of every route, for the API description test. */
    public List<String> describe() {
        return table.stream().map(r -> r.method().name() + " " + r.path()).toList();
    }

    static String resource(String name) {
        try (InputStream in = Routes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
