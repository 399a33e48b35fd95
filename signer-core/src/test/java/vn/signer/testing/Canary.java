package vn.signer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that counts every request it gets, whatever the path: the proof that
 * something was, or was not, fetched. It answers 404 unless told otherwise per path prefix (the
 * longest prefix wins): fixed bytes, a body of a declared size, a body without end, a redirect.
 */
public final class Canary implements AutoCloseable {
    private static final byte[] ZEROS = new byte[64 * 1024];

    /** What the canary does with one request. */
    @FunctionalInterface
    public interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private Canary(HttpServer server) {
        this.server = server;
    }

    public static Canary start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Canary canary = new Canary(server);
            server.createContext("/", canary::handle);
            server.setExecutor(canary.executor);
            server.start();
            return canary;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL, e.g. http://127.0.0.1:41234. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received so far, on any path. */
    public int requests() {
        return requests.get();
    }

    public Canary answer(String pathPrefix, Answer answer) {
        answers.put(pathPrefix, answer);
        return this;
    }

    public static Answer bytes(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** {@code size} bytes with their Content-Length. */
    public static Answer sized(long size) {
        return exchange -> {
            exchange.sendResponseHeaders(200, size);
            write(exchange.getResponseBody(), size);
        };
    }

    /** Zeros, chunked, until the client goes away. */
    public static Answer endless() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            write(exchange.getResponseBody(), Long.MAX_VALUE);
        };
    }

    /** {@code answer}, after a wait: a slow server. */
    public static Answer after(Duration wait, Answer answer) {
        return exchange -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            answer.send(exchange);
        };
    }

    public static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    private static void write(OutputStream out, long size) throws IOException {
        for (long left = size; left > 0; left -= ZEROS.length) {
            out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        Answer answer = answers.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .max((a, b) -> a.getKey().length() - b.getKey().length()).map(Map.Entry::getValue).orElse(null);
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                answer.send(exchange);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
