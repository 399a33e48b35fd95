package vn.signer.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.net.ServiceAddress;
import vn.signer.report.Json;

/**
 * JSON over HTTP to a remote signing service at an address {@link ServiceAddress} allows: POSTs
 * only, no redirect followed, a connect timeout and a deadline for the whole answer (its body too),
 * answers of at most {@value #MAX_ANSWER} bytes. A secret travels only in the Authorization header or
 * the body, never in the address.
 */
final class JsonCalls {
    static final int MAX_ANSWER = 1024 * 1024;
    static final Duration ANSWER = Duration.ofSeconds(60);
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "signer-remote-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final URI base;
    private final HttpClient http;
    private final Duration answerTime;

    /** The status and JSON body of an answer (an empty object when the body was empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String error() {
            return body.path("error").asText("");
        }

        String description() {
            return body.path("error_description").asText(body.path("message").asText(""));
        }
    }

    /** @param base the service's address; methods are resolved under it */
    JsonCalls(URI base, boolean allowLoopbackHttp) {
        this(base, allowLoopbackHttp, ANSWER);
    }

    /** @param answerTime how long an answer may take, from the request sent to the last byte of its body */
    JsonCalls(URI base, boolean allowLoopbackHttp, Duration answerTime) {
        this.answerTime = answerTime;
        String text = base.toString();
        this.base = ServiceAddress.check(URI.create(text.endsWith("/") ? text : text + "/"), allowLoopbackHttp);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI base() {
        return base;
    }

    /** POSTs {@code body} as JSON to {@code method} under the base, with {@code authorization} (a header value) or none. */
    Answer post(String method, Object body, String authorization) {
        return send(base.resolve(method), "application/json", Json.line(body), authorization);
    }

    /** POSTs a form to {@code url}, which must be allowed as the base is. */
    Answer postForm(URI url, String form, String authorization, boolean allowLoopbackHttp) {
        return send(ServiceAddress.check(url, allowLoopbackHttp), "application/x-www-form-urlencoded", form, authorization);
    }

    private Answer send(URI url, String type, String body, String authorization) {
        long deadline = System.nanoTime() + answerTime.toNanos();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(answerTime).header("Content-Type", type)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
                throw slow(url);
            }
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.unreachable", hostOf(url),
                    String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.interrupted", hostOf(url)), e);
        }
        // The request's timeout ends with the headers: a body sent a byte at a time is cut at the deadline.
        AtomicBoolean late = new AtomicBoolean();
        byte[] bytes;
        try (InputStream in = response.body()) {
            ScheduledFuture<?> cut = DEADLINES.schedule(() -> {
                late.set(true);
                closeQuietly(in);
            }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try {
                bytes = in.readNBytes(MAX_ANSWER + 1);
            } finally {
                cut.cancel(false);
            }
        } catch (IOException e) {
            if (late.get()) {
                throw slow(url);
            }
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.unreachable", hostOf(url),
                    String.valueOf(e.getMessage())), e);
        }
        if (late.get()) {
            throw slow(url);
        }
        if (bytes.length > MAX_ANSWER) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.answer.tooLarge", hostOf(url), MAX_ANSWER));
        }
        JsonNode json;
        try {
            json = bytes.length == 0 ? null : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            json = null;
        }
        return new Answer(response.statusCode(), json == null || !json.isObject() ? Json.mapper().createObjectNode() : json);
    }

    private SignerException slow(URI url) {
        return new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.answer.slow", hostOf(url), answerTime.toSeconds()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The reader learns of the deadline from the flag, whatever closing said.
        }
    }

    /** The host alone names the service in messages: the rest of an address may carry an account. */
    static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
