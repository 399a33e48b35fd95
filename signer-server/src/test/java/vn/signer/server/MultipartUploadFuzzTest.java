package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the server's reading of uploads (Upload: multipart forms and raw bodies, with Jetty's
 * multipart parser under it) through one server on a real loopback port. Each input is the request's
 * Content-Type (its first line, without the line end) and the body (the rest), sent as they are over
 * a socket; seeds in {@code MultipartUploadFuzzTestInputs/upload}. Any input must be answered with the
 * report (200) or the server's own JSON error (4xx), never a 5xx, a broken answer or no answer
 * within 25 s (the socket's read timeout: JUnit's @Timeout would bound the whole fuzzing run).
 */
@Tag("fuzz")
class MultipartUploadFuzzTest {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    private static final int MAX_CONTENT_TYPE = 1024;

    private static Path dir;
    private static SignerServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("signer-upload-fuzz");
        Files.createDirectories(dir.resolve("tmp"));
        server = TestServers.start(dir, TestServers.yaml(dir, true, "  requestsPerSecond: 100000\n  burst: 100000", ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "5s")
    void upload(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        int end = newline < 0 ? input.length : newline;
        // Control characters in a header are refused by Jetty's HTTP parser (a 400 of its own, in HTML:
        // bench/server-abuse.sh sends those) and CR or LF would start another header: HTTP, not uploads.
        String contentType = new String(input, 0, Math.min(end, MAX_CONTENT_TYPE), StandardCharsets.ISO_8859_1)
                .replaceAll("[\\x00-\\x1f\\x7f]", " ");
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        String answer = post(contentType, body);
        Matcher status = STATUS.matcher(answer);
        assertTrue(status.find(), () -> "not an HTTP answer: " + answer.lines().findFirst().orElse(""));
        int code = Integer.parseInt(status.group(1));
        assertTrue(code == 200 || code >= 400 && code < 500, () -> "answered " + answer);
        if (code != 200) {
            assertTrue(answer.contains("\"error\":"), () -> "an error answer that is not the server's JSON: " + answer);
        }
    }

    /** The whole answer to a POST of {@code body} to /v1/verify, headers included. */
    private static String post(String contentType, byte[] body) {
        // Jazzer's SSRF detector reports every connection while fuzzing: the harness's own is expected
        // (allowed per input: the detector is set up only once fuzzing has started).
        int port = server.port();
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections((host, to) -> to == port
                && (host.equals("localhost") || host.equals("127.0.0.1")));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(25_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from the server", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
