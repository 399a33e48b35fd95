package vn.signer.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Json;

/**
 * The agent's face on 127.0.0.1 only, over TLS: the JSON API ({@code /v1/...}) and the Government CA
 * plugin's WebSockets ({@code wss://127.0.0.1:PORT/<Operation>}, {@link PluginProtocol}) on the same
 * port, as pages written for that plugin expect. Before anything else each request, a WebSocket's
 * handshake included, must name the agent itself as its Host (a DNS-rebound name is refused) and come
 * from an origin on the allow-list; otherwise it gets 403 and nothing happens: no question to the
 * person, no token access, no download. CORS answers only those origins.
 *
 * <p>Jetty, because the JDK's HTTPS server cannot hand a connection over to WebSocket and a
 * hand-written HTTP and WebSocket server would be more code to get right than this.
 */
public final class AgentServer implements AutoCloseable {
    /** A sign request is a few hundred bytes, a plugin request a few kilobytes; nothing bigger is read. */
    static final int BODY_LIMIT = 64 * 1024;
    /** Requests served at once; those waiting for the person hold one each, the queue bounds them. */
    private static final int THREADS = 16;
    /** Requests that may wait behind the one the person is answering; more are answered BUSY. */
    private static final int QUEUE = 4;

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService logout;
    private final SigningAgent agent;
    private final PluginProtocol plugin;
    private final AgentSetup settings;
    private final Locale locale;
    private final String version;

    private AgentServer(Server server, ServerConnector connector, ScheduledExecutorService logout, SigningAgent agent,
                        PluginProtocol plugin, AgentSetup settings, Locale locale, String version) {
        this.server = server;
        this.connector = connector;
        this.logout = logout;
        this.agent = agent;
        this.plugin = plugin;
        this.settings = settings;
        this.locale = locale;
        this.version = version;
    }

    /**
     * Listens on 127.0.0.1:{@code settings.port()} with {@code certificate}; the agent's requests are
     * answered in {@code locale}.
     *
     * @param documents how whole documents of the plugin protocol are signed
     * @throws IOException when the port cannot be had (another program holds it, say: a {@link BindException})
     */
    public static AgentServer start(AgentSetup settings, AgentCertificate certificate, KeySourceSpec keys, KeySelector offered,
                                    DocumentSetup documents, Map<String, String> environment, Person person,
                                    Duration answerLimit, Locale locale, String version) throws IOException {
        TokenLogin login = new TokenLogin(keys, environment, Duration.ofMinutes(settings.loginMinutes()), Clock.systemUTC());
        SigningAgent agent = new SigningAgent(login, offered, person, answerLimit, QUEUE, locale);
        PluginProtocol plugin = new PluginProtocol(agent, documents, QUEUE + 1, locale, version);
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("signer-agent-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(certificate.sslContext());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // The Host is checked below, against the agent's own names; an IP address carries no SNI anyway.
        http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        ServerConnector connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(settings.port());
        // A request may wait for the person's two answers behind the queue's: the connection stays up meanwhile.
        Duration patience = answerLimit.multipliedBy(2L * (QUEUE + 1)).plus(PluginProtocol.TRANSFER_TIME.multipliedBy(2));
        connector.setIdleTimeout(patience.toMillis());
        server.addConnector(connector);
        ScheduledExecutorService logout = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "signer-agent-logout");
            thread.setDaemon(true);
            return thread;
        });
        AgentServer agentServer = new AgentServer(server, connector, logout, agent, plugin, settings, locale, version);
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(BODY_LIMIT);
            container.setMaxBinaryMessageSize(BODY_LIMIT);
            container.setMaxFrameSize(BODY_LIMIT);
            container.setIdleTimeout(patience);
            for (PluginOperation operation : PluginOperation.values()) {
                container.addMapping("/" + operation.name(), (request, response, callback) ->
                        new PluginSocket(operation, request.getHeaders().get(HttpHeader.ORIGIN), plugin));
            }
        });
        sockets.setHandler(agentServer.new Routes());
        server.setHandler(agentServer.new Gate(sockets));
        try {
            server.start();
        } catch (Exception e) {
            agentServer.close();
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        logout.scheduleAtFixedRate(agent::logoutIfOver, 30, 30, TimeUnit.SECONDS);
        return agentServer;
    }

    /** The port listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The Host and Origin checks, before the WebSocket upgrade and the API alike. */
    private final class Gate extends Handler.Wrapper {
        Gate(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (host == null || !Set.of("127.0.0.1:" + settings.port(), "localhost:" + settings.port()).contains(host.toLowerCase(Locale.ROOT))) {
                error(response, callback, AgentError.of(403, "FORBIDDEN", "agent.error.host"));
                return true;
            }
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (origin == null || !settings.origins().contains(origin)) {
                error(response, callback, AgentError.of(403, "FORBIDDEN", "agent.error.origin", origin == null ? "—" : origin));
                return true;
            }
            return super.handle(request, response, callback);
        }
    }

    /** The JSON API, for pages of allowed origins (the Gate has checked). */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                answer(request, response, callback);
            } catch (AgentError e) {
                error(response, callback, e);
            } catch (RuntimeException e) {
                error(response, callback, AgentError.of(500, "AGENT_FAILED", "agent.error.other", String.valueOf(e.getMessage())));
            }
            return true;
        }
    }

    private void answer(Request request, Response response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        var headers = response.getHeaders();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Vary", "Origin");
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        if (method.equals("OPTIONS")) {
            headers.put("Access-Control-Allow-Methods", "GET, POST");
            headers.put("Access-Control-Allow-Headers", "Content-Type");
            headers.put("Access-Control-Max-Age", "600");
            // Chromium's Private Network Access asks a public page's preflight whether loopback may answer.
            if ("true".equals(request.getHeaders().get("Access-Control-Request-Private-Network"))) {
                headers.put("Access-Control-Allow-Private-Network", "true");
            }
            response.setStatus(204);
            response.write(true, null, callback);
            return;
        }
        switch (method + " " + path) {
            case "GET /v1/agent" -> json(response, callback, 200, Map.of("agent", "signer", "version", version, "api", 1));
            case "GET /v1/certificates" -> json(response, callback, 200, Map.of("certificates", agent.certificates(origin)));
            case "POST /v1/sign" -> {
                SignRequest signRequest = SignRequest.read(body(request));
                byte[] value = agent.sign(origin, signRequest);
                json(response, callback, 200, Map.of("signatureValue", Base64.getEncoder().encodeToString(value)));
            }
            default -> throw AgentError.of(404, "NOT_FOUND", "agent.error.route", method, path);
        }
    }

    private static JsonNode body(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw AgentError.of(415, "BAD_REQUEST", "agent.error.json");
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes(BODY_LIMIT + 1);
        } catch (IOException e) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.error.json");
        }
        if (bytes.length > BODY_LIMIT) {
            throw AgentError.of(413, "BAD_REQUEST", "agent.error.tooLarge", BODY_LIMIT);
        }
        try {
            JsonNode json = Json.mapper().readTree(bytes);
            if (json == null || !json.isObject()) {
                throw AgentError.of(400, "BAD_REQUEST", "agent.error.json");
            }
            return json;
        } catch (IOException e) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.error.json");
        }
    }

    private void error(Response response, Callback callback, AgentError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", AgentTexts.said(e.problem(), locale));
        json(response, callback, e.status(), Map.of("error", error));
    }

    private static void json(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("the agent's own answer cannot be written as JSON", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping only closes the listening socket and the connections; the agent stops anyway.
            server.destroy();
        }
        logout.shutdownNow();
        plugin.close();
        agent.close();
    }
}
