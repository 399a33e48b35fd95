package vn.signer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The browser-test harness works here: Debian's chromium runs a page's external script and reports it. */
@Tag("native")
@Tag("browser")
class BrowserScriptTest {

    @Test
    void chromiumRendersALoopbackPageAndRunsItsScript() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(server, "/", "text/html; charset=utf-8", """
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><script src="/page.js" defer></script></head>
                <body><h1>Xin chào</h1><button type="button">Bấm</button><p id="answer"></p></body></html>""");
        serve(server, "/page.js", "text/javascript; charset=utf-8", """
                document.querySelector('button').addEventListener('click', () => {
                  document.getElementById('answer').textContent = 'đã bấm';
                });""");
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Tools.Result result = BrowserScript.pass("smoke.mjs", Map.of("PAGE_URL", url), Duration.ofSeconds(60));
            assertTrue(result.stdout().contains("ok page loaded"), result.all());
            assertTrue(result.stdout().contains("ok script ran"), result.all());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFailingStepFailsTheScript() {
        Tools.Result result = BrowserScript.run("smoke.mjs", Map.of("PAGE_URL", "data:text/html,<h1>other</h1>"),
                Duration.ofSeconds(60));
        assertEquals(1, result.exitCode(), result.all());
        assertTrue(result.stderr().contains("the page's heading is \"other\""), result.all());
    }

    private static void serve(HttpServer server, String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
