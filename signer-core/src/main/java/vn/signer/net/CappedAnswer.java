package vn.signer.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;

/**
 * Reads an HTTP answer of at most {@code maxBytes}. A redirect is not followed here but handed back
 * as {@link Redirected}, so that the gate checks the new address like the first. Whenever the answer
 * is refused, its connection is dropped at once: closing it normally would read the rest of the
 * body, which may never end.
 */
final class CappedAnswer implements HttpClientResponseHandler<byte[]> {
    private static final int CHUNK = 8192;

    private final int maxBytes;

    CappedAnswer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] handleResponse(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        int status = response.getCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            Header location = response.getFirstHeader("Location");
            drop(entity);
            throw new Redirected(location == null ? null : location.getValue());
        }
        if (status != 200) {
            drop(entity);
            throw new IOException("HTTP status " + status);
        }
        if (entity == null) {
            throw new IOException("an empty answer");
        }
        if (entity.getContentLength() > maxBytes) {
            drop(entity);
            throw new Refused("an answer of " + entity.getContentLength() + " bytes, over the " + maxBytes + " allowed");
        }
        return read(entity);
    }

    private byte[] read(HttpEntity entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        InputStream in = entity.getContent();
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            out.write(chunk, 0, n);
            if (out.size() > maxBytes) {
                drop(entity);
                throw new Refused("an answer of more than the " + maxBytes + " bytes allowed");
            }
        }
        return out.toByteArray();
    }

    private static void drop(HttpEntity entity) throws IOException {
        if (entity != null && entity.getContent() instanceof EofSensorInputStream stream) {
            stream.abort();
        }
    }

    /** What the gate refuses once a fetch is under way: an answer too large, an address it cannot check. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The server sent us elsewhere; {@code location} may be null or relative. */
    static final class Redirected extends IOException {
        private static final long serialVersionUID = 1L;
        final String location;

        Redirected(String location) {
            super("redirected to " + location);
            this.location = location;
        }
    }
}
