package vn.signer.cli.agent;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The plugin protocol's downloads and uploads, to the origin of the page that opened the WebSocket and
 * nowhere else: the address must have that origin's scheme, host and port (a relative one is taken
 * from it), so over https, or http only when the page itself is on the officer's computer (the
 * allow-list admits no other http origin). No redirect is followed, answers are capped, and the
 * whole exchange has a deadline. The page's JWTToken goes as {@code Authorization: Bearer}, its
 * SessionId as {@code X-Session-Id} (and a form field of the upload): the user's session on that server.
 */
final class OriginTransfer {
    /** The largest PDF downloaded: an official document with scans, not an archive. */
    static final int DOCUMENT_LIMIT = 64 * 1024 * 1024;
    /** The upload handler's answer is a small JSON object. */
    static final int ANSWER_LIMIT = 64 * 1024;

    private final HttpClient client;
    private final Duration deadline;

    OriginTransfer(Duration deadline) {
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * {@code address} as an absolute URI of {@code origin}.
     *
     * @throws AgentError 403 when it is of another origin, or not an address
     */
    static URI ofOrigin(String origin, String field, String address) {
        URI uri;
        try {
            uri = new URI(origin + "/").resolve(new URI(address.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.plugin.field", field);
        }
        String theirs;
        try {
            theirs = uri.isOpaque() || uri.getRawUserInfo() != null ? null
                    : AgentSetup.origin(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (RuntimeException e) {
            theirs = null;
        }
        if (!origin.equals(theirs)) {
            throw AgentError.of(403, "FORBIDDEN", "agent.plugin.otherOrigin", field, address, origin);
        }
        return uri;
    }

    /** The document at {@code uri}, with the page's credentials. */
    byte[] download(URI uri, PluginRequest request) {
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).GET().timeout(deadline);
        credentials(get, request);
        return exchange(get.build(), DOCUMENT_LIMIT, uri);
    }

    /**
     * Posts {@code pdf} as the multipart field {@code uploadfile} named {@code fileName}, with the page's
     * MetaData and SessionId as fields; the handler's answer.
     */
    byte[] upload(URI uri, PluginRequest request, String fileName, byte[] pdf) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String boundary = "signer-" + HexFormat.of().formatHex(random);
        ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 1024);
        List<Map.Entry<String, String>> fields = new ArrayList<>(request.metaData());
        if (request.sessionId() != null) {
            fields.add(Map.entry("SessionId", request.sessionId()));
        }
        for (Map.Entry<String, String> field : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\""
                + fileName.replaceAll("[\"\\\\\\r\\n]", "_") + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(pdf);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder post = HttpRequest.newBuilder(uri).timeout(deadline)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        credentials(post, request);
        return exchange(post.build(), ANSWER_LIMIT, uri);
    }

    private static void credentials(HttpRequest.Builder builder, PluginRequest request) {
        if (request.jwtToken() != null) {
            builder.header("Authorization", "Bearer " + request.jwtToken());
        }
        if (request.sessionId() != null) {
            builder.header("X-Session-Id", request.sessionId());
        }
    }

    private byte[] exchange(HttpRequest request, int limit, URI uri) {
        String where = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        Future<HttpResponse<byte[]>> sent = client.sendAsync(request, info -> new CappedBody(limit));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw AgentError.of(504, "TRANSFER_FAILED", "agent.plugin.unreachable", where, deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            throw AgentError.cancelled();
        } catch (ExecutionException e) {
            if (tooLarge(e)) {
                throw AgentError.of(413, "TRANSFER_FAILED", "agent.plugin.tooLarge", where, limit);
            }
            throw AgentError.of(502, "TRANSFER_FAILED", "agent.plugin.unreachable", where, String.valueOf(e.getCause()));
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw AgentError.of(502, "TRANSFER_FAILED", "agent.plugin.redirect", where, status);
        }
        if (status / 100 != 2) {
            throw AgentError.of(502, "TRANSFER_FAILED", "agent.plugin.status", where, status);
        }
        return response.body();
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer's body, refused once it passes the cap (the rest is not read). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /** The cap was passed. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }
}
