package vn.signer.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.audit.AuditEntry;
import vn.signer.audit.AuditLog;
import vn.signer.report.Json;
import vn.signer.server.audit.RefusalAudit;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.config.LimitsConfig;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.config.SplitSigningConfig;
import vn.signer.server.config.TlsConfig;
import vn.signer.server.limits.AddressSlots;
import vn.signer.server.limits.AuthFailures;
import vn.signer.server.limits.BodyRateHandler;
import vn.signer.server.limits.HeaderDeadline;
import vn.signer.server.limits.RateLimiter;
import vn.signer.server.limits.RequestGate;
import vn.signer.server.limits.WorkDeadline;
import vn.signer.server.metrics.ServerMetrics;
import vn.signer.server.profiles.SigningProfiles;
import vn.signer.server.profiles.SplitProfiles;
import vn.signer.server.profiles.TrustProfiles;
import vn.signer.server.routes.ErrorResponses;
import vn.signer.server.routes.JsonErrorHandler;
import vn.signer.server.routes.Routes;
import vn.signer.server.routes.Upload;
import vn.signer.server.routes.ServerContext;
import vn.signer.server.split.SplitSessions;
import vn.signer.server.words.Answers;

/**
 * The running server, built from a configuration by {@link #start}: main and the tests use this one
 * factory. {@link #close()} shuts down gracefully: no new requests, those in flight finish, then
 * the tokens are logged out and the audit log is closed.
 */
public final class SignerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignerServer.class);
    /** The most parts a multipart form may have. */
    private static final int MAX_FORM_PARTS = 16;

    private final Javalin app;
    private final ServerContext context;
    private final Routes routes;
    private final HeaderDeadline headerDeadline;

    private final SplitSessions sessions;

    private SignerServer(Javalin app, ServerContext context, Routes routes, HeaderDeadline headerDeadline,
                         SplitSessions sessions) {
        this.app = app;
        this.context = context;
        this.routes = routes;
        this.headerDeadline = headerDeadline;
        this.sessions = sessions;
    }

    /**
     * Opens every profile and starts listening.
     *
     * @throws SignerException when a profile, a trust file, the audit log or the key store cannot be used
     */
    public static SignerServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** {@link #start(ServerConfig)} with split signing's signing times and expiries taken from {@code clock}. */
    static SignerServer start(ServerConfig config, Clock clock) {
        TrustProfiles trust = new TrustProfiles(config);
        AuditLog audit = AuditLog.open(config.path(config.audit().file()));
        SigningProfiles profiles;
        try {
            profiles = SigningProfiles.open(config, trust);
        } catch (RuntimeException e) {
            audit.close();
            throw e;
        }
        SplitProfiles splitProfiles = SplitProfiles.open(config, trust, clock);
        SplitSigningConfig split = config.splitSigning();
        SplitSessions sessions = new SplitSessions(clock, Duration.ofSeconds(split.sessionSeconds()), split.maxSessions(),
                split.maxSessionBytes());
        LimitsConfig limits = config.limits();
        RefusalAudit refusals = new RefusalAudit(audit);
        ServerContext context = new ServerContext(config, new Authenticator(config.clients()),
                new RateLimiter(limits.requestsPerSecond(), limits.burst()), new AuthFailures(limits.maxFailedAuthPerMinute()),
                new RequestGate(limits.maxConcurrentUploads()), new AddressSlots(limits.maxRequestsPerAddress()),
                new RequestGate(limits.maxConcurrentRequests()), new WorkDeadline(Duration.ofSeconds(limits.workSeconds())),
                new ServerMetrics(profileNames(config), sessions::size), audit, refusals, trust, profiles, tempDir(config));
        Routes routes = new Routes(context, splitProfiles, sessions, clock);
        try {
            Javalin app = Javalin.create(javalin -> configure(javalin, context, routes));
            app.start();
            SignerServer server = new SignerServer(app, context, routes, headerDeadline(app, context), sessions);
            LOG.info("signer-server listening on {}://{}:{} with {} signing profile(s)",
                    config.plainHttp() ? "http" : "https", config.host(), server.port(), config.profiles().size());
            return server;
        } catch (RuntimeException e) {
            context.deadline().close();
            sessions.close();
            profiles.close();
            refusals.close();
            audit.close();
            throw e;
        }
    }

    private static void configure(JavalinConfig javalin, ServerContext context, Routes routes) {
        ServerConfig config = context.config();
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        // Signed PDFs are compressed already; and a compressing stream would hold the body in memory.
        javalin.http.compressionStrategy = CompressionStrategy.NONE;
        long max = config.limits().maxRequestBytes();
        javalin.jetty.multipartConfig.cacheDirectory(context.tempDir().toString());
        javalin.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
        javalin.jetty.multipartConfig.maxTotalRequestSize(max + 64 * 1024, SizeUnit.BYTES);
        // A multipart document is kept in memory up to the size a raw body is (Upload), not cached to disk.
        javalin.jetty.multipartConfig.maxInMemoryFileSize(Upload.IN_MEMORY_LIMIT, SizeUnit.BYTES);
        // A form may have this many parts at most: the document and a few fields, not thousands to parse.
        javalin.jetty.modifyServletContextHandler(handler -> handler.setMaxFormKeys(MAX_FORM_PARTS));
        javalin.jetty.modifyServer(server -> {
            // Above the servlet context, so that multipart forms, which Jetty reads itself, are timed too.
            server.setHandler(new BodyRateHandler(Duration.ofSeconds(config.limits().bodyDeadlineSeconds()),
                    config.limits().minBodyBytesPerSecond(), Duration.ofSeconds(config.limits().bodyGraceSeconds())));
            server.setErrorHandler(new JsonErrorHandler(context));
            // Connections cost no thread while idle (headers are parsed as they come), but each costs a file descriptor.
            server.addBean(new NetworkConnectionLimit(config.limits().maxConnections(), server));
        });
        javalin.jetty.addConnector((server, http) -> connector(server, http, config));
        routes.register(javalin);
    }

    /** The names of every signing profile, with a key or keyless: the only profile labels of the metrics. */
    private static Set<String> profileNames(ServerConfig config) {
        Set<String> names = new HashSet<>(config.profiles().keySet());
        names.addAll(config.splitSigning().profiles().keySet());
        return names;
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, ServerConfig config) {
        http.setSendServerVersion(false);
        // Jetty's cache of a connection's header lines compares values without case: once a connection has
        // sent "Authorization: Bearer <key>", any case variant of the key sent on it was taken as the key.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector;
        if (config.plainHttp()) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            http.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(server, tls(config, config.tls()), new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Slow or silent clients lose their connection instead of holding a thread.
        connector.setIdleTimeout(Duration.ofSeconds(config.limits().idleTimeoutSeconds()).toMillis());
        return connector;
    }

    /** Watches the connector's connections for headers that take too long, answered and audited as Jetty's own 408. */
    private static HeaderDeadline headerDeadline(Javalin app, ServerContext context) {
        ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
        // Written before any header is read, so no language was asked for: the default, English.
        ErrorResponses.ErrorBody body = JsonErrorHandler.body(408, Locale.ENGLISH);
        return new HeaderDeadline(Duration.ofSeconds(context.config().limits().headerDeadlineSeconds()),
                connector::getConnectedEndPoints, Json.line(body), address -> {
                    context.metrics().error(body.error());
                    context.refusals().refused(new AuditEntry(Instant.now(), address, "http 408", null, null, body.error(),
                            "the request's headers did not arrive within limits.headerDeadlineSeconds"));
                });
    }

    private static SslContextFactory.Server tls(ServerConfig config, TlsConfig tls) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStorePath(config.path(tls.keyStore()).toString());
        factory.setKeyStoreType("PKCS12");
        char[] password = tls.keyStorePassword().read(config);
        factory.setKeyStorePassword(new String(password));
        Arrays.fill(password, '\0');
        if (tls.trustStore() != null) {
            factory.setTrustStorePath(config.path(tls.trustStore()).toString());
            factory.setTrustStoreType("PKCS12");
            if (tls.trustStorePassword() != null) {
                char[] trustPassword = tls.trustStorePassword().read(config);
                factory.setTrustStorePassword(new String(trustPassword));
                Arrays.fill(trustPassword, '\0');
            }
        }
        factory.setWantClientAuth(tls.clientAuth().equals("want"));
        factory.setNeedClientAuth(tls.clientAuth().equals("need"));
        return factory;
    }

    private static Path tempDir(ServerConfig config) {
        try {
            Path dir = config.tempDir() == null ? Path.of(System.getProperty("java.io.tmpdir")) : config.path(config.tempDir());
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.in(Answers.BUNDLE, "config.tempDir", config.tempDir() == null
                    ? System.getProperty("java.io.tmpdir") : config.tempDir(), String.valueOf(e.getMessage())), e);
        }
    }

    /** The port the server listens on (the one chosen by the system when configured 0). */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** The method and path of every route registered, for the API description test. */
    public java.util.List<String> routes() {
        return routes.describe();
    }

    /** The split-signing sessions open now. */
    int splitSessions() {
        return sessions.size();
    }

    /** Stops admitting requests, lets those in flight finish, stops Jetty, logs out of tokens. */
    @Override
    public void close() {
        try {
            if (!context.gate().drain(Duration.ofSeconds(context.config().limits().shutdownGraceSeconds()))) {
                LOG.warn("requests still running after the shutdown grace period; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        headerDeadline.close();
        app.stop();
        // Work still running past the grace period is interrupted, as for a client gone.
        context.deadline().close();
        sessions.close();
        context.profiles().close();
        context.refusals().close();
        context.audit().close();
        LOG.info("signer-server stopped; tokens logged out");
    }
}
