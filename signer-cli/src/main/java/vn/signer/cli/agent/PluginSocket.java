package vn.signer.cli.agent;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket of the plugin protocol: the page's one text message is answered with one text message,
 * then the socket is closed. A second message, or a binary one, closes it unanswered. Public only because
 * Jetty calls the listener's methods through method handles, which need a public class.
 */
public final class PluginSocket implements Session.Listener.AutoDemanding {
    private final PluginOperation operation;
    private final String origin;
    private final PluginProtocol protocol;
    private Session session;
    private boolean asked;

    /** @param origin the page's origin, which the agent's gate has found on the allow-list */
    PluginSocket(PluginOperation operation, String origin, PluginProtocol protocol) {
        this.operation = operation;
        this.origin = origin;
        this.protocol = protocol;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        if (asked) {
            session.close(StatusCode.POLICY_VIOLATION, "one request per connection", Callback.NOOP);
            return;
        }
        asked = true;
        protocol.answer(operation, origin, message, answer -> session.sendText(answer,
                Callback.from(() -> session.close(StatusCode.NORMAL, null, Callback.NOOP), failure -> session.disconnect())));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        session.close(StatusCode.BAD_DATA, "the plugin protocol is text", Callback.NOOP);
    }
}
