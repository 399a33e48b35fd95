package vn.signer.server.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request whose body has been read is still there. Jetty reads nothing from a
 * connection while its request is handled, so a client that closes it is not noticed until the answer
 * is written: this reads from it without waiting, where the end of the stream means the client has
 * gone. A byte read instead (a client sending its next request before this answer) ends the looking,
 * and the connection is closed after the answer, since that request's start is lost.
 */
public final class ClientConnection {
    private final EndPoint endPoint;
    private boolean sentMore;

    public ClientConnection(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** Whether the client has closed its connection (or it has failed). */
    public boolean gone() {
        if (sentMore) {
            return false;
        }
        if (!endPoint.isOpen()) {
            return true;
        }
        try {
            int read = endPoint.fill(BufferUtil.allocate(1));
            sentMore = read > 0;
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether the client sent bytes beyond its request while it was handled: the answer must close the connection. */
    public boolean sentMore() {
        return sentMore;
    }
}
