package vn.signer.server.split;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import vn.signer.document.DocumentFormat;
import vn.signer.sign.PreparedSignature;

/**
 * A document prepared for a signature whose value a client will bring back: everything fixed at
 * prepare, kept on the server until it completes or expires. Closing removes its files.
 *
 * @param id             the session's id, unguessable
 * @param client         the client that prepared it, the only one that may complete it
 * @param profile        the keyless profile it was prepared with
 * @param documentSha256 the SHA-256 of the document received, lower-case hex
 * @param certificateSha256 the SHA-256 of the signer's certificate, lower-case hex
 * @param format         PDF or XML
 * @param bytes          the document's size, counted against the sessions' bound
 * @param expires        when it may no longer be completed
 * @param prepared       the prepared signature
 * @param document       the received document, in memory or spooled
 */
public record SplitSession(String id, String client, String profile, String documentSha256, String certificateSha256,
                           DocumentFormat format, long bytes, Instant expires, PreparedSignature prepared,
                           Closeable document) implements AutoCloseable {

    public boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    /** Removes the prepared document's temporary files and the received one's. */
    @Override
    public void close() {
        try (document) {
            prepared.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the prepared document of a signing session", e);
        }
    }
}
