package vn.signer.server.limits;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a request's line and headers to a deadline from their first byte. Jetty parses headers as
 * they come, with only the connection's idle timeout, which restarts at every byte: a client sending
 * one byte every few seconds could keep a connection for ever. Every {@link #SWEEP} this looks at each
 * open connection whose parser is inside a request's headers, and answers one that has been there past
 * the deadline with a JSON 408 and closes it. A connection waiting for its next request (nothing of it
 * received yet) is left to the idle timeout.
 */
public final class HeaderDeadline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);
    static final Duration SWEEP = Duration.ofMillis(250);

    private final long deadlineNanos;
    private final Supplier<Collection<EndPoint>> endPoints;
    private final byte[] answer;
    private final Consumer<String> timedOut;
    private final Map<EndPoint, Long> inHeaders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "signer-header-deadline");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param endPoints the server's open connections
     * @param jsonBody  the body of the 408 answer
     * @param timedOut  told the client address of each connection closed, to count and audit it
     */
    public HeaderDeadline(Duration deadline, Supplier<Collection<EndPoint>> endPoints, String jsonBody,
                          Consumer<String> timedOut) {
        this.deadlineNanos = deadline.toNanos();
        this.endPoints = endPoints;
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        this.answer = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + jsonBody).getBytes(StandardCharsets.UTF_8);
        this.timedOut = timedOut;
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException e) {
            // Thrown out of the scheduled task, it would cancel every later sweep without a word.
            LOG.error("cannot check how long requests' headers take: {}", e.toString());
        }
    }

    private void sweep(long now) {
        Collection<EndPoint> open = endPoints.get();
        inHeaders.keySet().retainAll(open);
        for (EndPoint endPoint : open) {
            // Over TLS the HTTP parser reads, and the answer is written, through the decrypting end point.
            EndPoint plain = endPoint.getConnection() instanceof SslConnection tls ? tls.getSslEndPoint() : endPoint;
            HttpParser parser = plain.getConnection() instanceof HttpConnection http ? http.getParser() : null;
            if (parser == null || parser.isStart() || !parser.inHeaderState()) {
                inHeaders.remove(endPoint);
                continue;
            }
            long since = inHeaders.computeIfAbsent(endPoint, e -> now);
            if (now - since > deadlineNanos) {
                inHeaders.remove(endPoint);
                timedOut.accept(address(endPoint.getRemoteSocketAddress()));
                // Nothing of this request has been answered: its parser is still in the headers.
                plain.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(answer));
            }
        }
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "unknown";
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
