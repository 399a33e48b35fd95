package vn.signer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for an e-office server on 127.0.0.1 (plain http: a page on the officer's own computer),
 * following the shapes the Government CA plugin's pages use: it serves pages and PDFs under GET paths
 * given to it, and an upload handler at {@code POST /upload} that takes the multipart field
 * {@code uploadfile} and answers {@code {Status: true, Message, FileName, FileServer}}. Every request it
 * gets is recorded, so that a test can prove what was, and what was not, fetched or sent.
 */
public final class EofficeStandIn implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());

    /** A GET answer: the body and its type, or a redirect when {@code location} is set. */
    private record Served(byte[] body, String type, String location) {
    }

    /** A request the stand-in got: method, path, and the headers a test checks (lower-case names). */
    public record Seen(String method, String path, Map<String, String> headers) {
    }

    /** An upload: the file's name and bytes, and the other form fields. */
    public record Upload(String fileName, byte[] pdf, Map<String, String> fields, Map<String, String> headers) {
    }

    private EofficeStandIn(HttpServer server) {
        this.server = server;
    }

    public static EofficeStandIn start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
        EofficeStandIn standIn = new EofficeStandIn(http);
        http.createContext("/", standIn::handle);
        http.start();
        return standIn;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Its origin when reached as {@code host} (127.0.0.1 or localhost). */
    public String origin(String host) {
        return "http://" + host + ":" + port();
    }

    /** Serves {@code body} at GET {@code path}. */
    public EofficeStandIn serve(String path, byte[] body, String type) {
        files.put(path, new Served(body, type, null));
        return this;
    }

    /** Answers GET {@code path} with a 302 to {@code location}. */
    public EofficeStandIn redirect(String path, String location) {
        files.put(path, new Served(new byte[0], null, location));
        return this;
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Upload> uploads() {
        synchronized (uploads) {
            return List.copyOf(uploads);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, headers));
            if (exchange.getRequestMethod().equals("POST") && path.equals("/upload")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Upload upload = multipart(body, headers.getOrDefault("content-type", ""), headers);
                uploads.add(upload);
                answer(exchange, 200, "application/json", ("{\"Status\":true,\"Message\":\"Đã lưu " + upload.fileName()
                        + "\",\"FileName\":\"signed/" + upload.fileName() + "\",\"FileServer\":\"" + origin("127.0.0.1") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            Served served = files.get(path);
            if (served == null || !exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            } else if (served.location() != null) {
                exchange.getResponseHeaders().set("Location", served.location());
                exchange.sendResponseHeaders(302, -1);
            } else {
                answer(exchange, 200, served.type(), served.body());
            }
        }
    }

    /** The parts of a multipart/form-data body: enough of RFC 7578 for what the agent sends. */
    private static Upload multipart(byte[] body, String type, Map<String, String> headers) {
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        String fileName = null;
        byte[] pdf = null;
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int end = part.indexOf("\r\n\r\n");
            if (end < 0) {
                continue;
            }
            String head = part.substring(0, end);
            String content = part.substring(end + 4, part.length() - 2);
            String name = between(head, "name=\"");
            if ("uploadfile".equals(name)) {
                fileName = new String(between(head, "filename=\"").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                pdf = content.getBytes(StandardCharsets.ISO_8859_1);
            } else if (name != null) {
                fields.put(name, new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return new Upload(fileName, pdf, fields, headers);
    }

    private static String between(String text, String start) {
        int from = text.indexOf(start);
        return from < 0 ? null : text.substring(from + start.length(), text.indexOf('"', from + start.length()));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
