package vn.signer.server.limits;

import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import vn.signer.server.words.Answers;

/**
 * Holds every request body to a deadline and a minimum average rate. The connection's idle timeout
 * alone restarts at every byte, so a client sending one byte every few seconds could hold a request
 * for ever. This sits in front of everything (raw bodies and multipart forms read through it) and,
 * once the deadline has passed or the body has fallen below the rate after the grace period, answers
 * every further read with a {@link SlowBodyException}, which the routes turn into a 408.
 */
public final class BodyRateHandler extends Handler.Wrapper {
    private final long deadlineNanos;
    private final long minBytesPerSecond;
    private final long graceNanos;

    public BodyRateHandler(Duration deadline, long minBytesPerSecond, Duration grace) {
        this.deadlineNanos = deadline.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new TimedRequest(request), response, callback);
    }

    /** The failure every read of a body that came too slowly ends with: why, as a key of the Answers bundle and its facts. */
    public static final class SlowBodyException extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final long limit;

        SlowBodyException(String key, long limit) {
            super(Answers.english(key, List.of(limit)));
            this.key = key;
            this.limit = limit;
        }

        public String key() {
            return key;
        }

        public List<Object> args() {
            return List.of(limit);
        }
    }

    private final class TimedRequest extends Request.Wrapper {
        private final long start = System.nanoTime();
        private long received;
        /** Whether the body's last chunk has been read: reads after it (Jetty's own, at the end) are not timed. */
        private boolean ended;

        TimedRequest(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            SlowBodyException late = ended ? null : late();
            if (late != null) {
                return Content.Chunk.from(late, true);
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                received += chunk.remaining();
                ended = chunk.isLast();
            }
            return chunk;
        }

        /** Why the body is too late, or null while it is on time. */
        private SlowBodyException late() {
            long elapsed = System.nanoTime() - start;
            if (elapsed > deadlineNanos) {
                return new SlowBodyException("body.deadline", Duration.ofNanos(deadlineNanos).toSeconds());
            }
            if (elapsed > graceNanos && received * 1_000_000_000L / elapsed < minBytesPerSecond) {
                return new SlowBodyException("body.slow", minBytesPerSecond);
            }
            return null;
        }
    }
}
