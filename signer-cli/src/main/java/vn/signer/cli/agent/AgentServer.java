package vn.signer.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Json;

/**
 * The agent's HTTPS face on 127.0.0.1 only. Before anything else each request must name the agent
 * itself as its Host (a DNS-rebound name is refused) and come from an origin on the allow-list;
 * otherwise it gets 403 and nothing happens: no question to the person, no token access. CORS
 * answers only those origins.
 */
public final class AgentServer implements AutoCloseable {
    /** A sign request is a few hundred bytes; nothing bigger is read. */
    private static final int BODY_LIMIT = 64 * 1024;
    /** Requests served at once; those waiting for the person hold one each, the queue bounds them. */
    private static final int THREADS = 8;
    /** Requests that may wait behind the one the person is answering; more are answered BUSY. */
    private static final int QUEUE = 4;

    private final HttpsServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService logout;
    private final SigningAgent agent;
    private final AgentSetup settings;
    private final Locale locale;
    private final String version;

    private AgentServer(HttpsServer server, ExecutorService threads, ScheduledExecutorService logout, SigningAgent agent,
                        AgentSetup settings, Locale locale, String version) {
        this.server = server;
        this.threads = threads;
        this.logout = logout;
        this.agent = agent;
        this.settings = settings;
        this.locale = locale;
        this.version = version;
    }

    /**
     * Listens on 127.0.0.1:{@code settings.port()} with {@code certificate}; the agent's requests are
     * answered in {@code locale}.
     *
     * @throws IOException when the port cannot be had (another program holds it, say)
     */
    public static AgentServer start(AgentSetup settings, AgentCertificate certificate, KeySourceSpec keys,
                                    KeySelector offered, Map<String, String> environment, Person person, Duration answerLimit,
                                    Locale locale, String version) throws IOException {
        TokenLogin login = new TokenLogin(keys, environment, Duration.ofMinutes(settings.loginMinutes()), Clock.systemUTC());
        SigningAgent agent = new SigningAgent(login, offered, person, answerLimit, QUEUE, locale);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                settings.port()), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "signer-agent-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        ScheduledExecutorService logout = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "signer-agent-logout");
            thread.setDaemon(true);
            return thread;
        });
        logout.scheduleAtFixedRate(agent::logoutIfOver, 30, 30, TimeUnit.SECONDS);
        AgentServer agentServer = new AgentServer(server, threads, logout, agent, settings, locale, version);
        server.createContext("/", agentServer::handle);
        server.start();
        return agentServer;
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                answer(exchange);
            } catch (AgentError e) {
                error(exchange, e);
            } catch (RuntimeException e) {
                error(exchange, AgentError.of(500, "AGENT_FAILED", "agent.error.other", String.valueOf(e.getMessage())));
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !Set.of("127.0.0.1:" + settings.port(), "localhost:" + settings.port()).contains(host.toLowerCase(Locale.ROOT))) {
            throw AgentError.of(403, "FORBIDDEN", "agent.error.host");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || !settings.origins().contains(origin)) {
            throw AgentError.of(403, "FORBIDDEN", "agent.error.origin", origin == null ? "—" : origin);
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Vary", "Origin");
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("OPTIONS")) {
            headers.set("Access-Control-Allow-Methods", "GET, POST");
            headers.set("Access-Control-Allow-Headers", "Content-Type");
            headers.set("Access-Control-Max-Age", "600");
            // Chromium's Private Network Access asks a public page's preflight whether loopback may answer.
            if ("true".equals(exchange.getRequestHeaders().getFirst("Access-Control-Request-Private-Network"))) {
                headers.set("Access-Control-Allow-Private-Network", "true");
            }
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        switch (method + " " + path) {
            case "GET /v1/agent" -> json(exchange, 200, Map.of("agent", "signer", "version", version, "api", 1));
            case "GET /v1/certificates" -> json(exchange, 200, Map.of("certificates", agent.certificates(origin)));
            case "POST /v1/sign" -> {
                SignRequest request = SignRequest.read(body(exchange));
                byte[] value = agent.sign(origin, request);
                json(exchange, 200, Map.of("signatureValue", Base64.getEncoder().encodeToString(value)));
            }
            default -> throw AgentError.of(404, "NOT_FOUND", "agent.error.route", method, path);
        }
    }

    private static JsonNode body(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw AgentError.of(415, "BAD_REQUEST", "agent.error.json");
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
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

    private void error(HttpExchange exchange, AgentError e) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        String hint = e.problem().hint(locale);
        error.put("message", e.problem().message(locale) + (hint == null ? "" : " — " + hint));
        json(exchange, e.status(), Map.of("error", error));
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        logout.shutdownNow();
        threads.shutdownNow();
        agent.close();
    }
}
