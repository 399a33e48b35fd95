package vn.signer.net;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;

/**
 * Reads an address of a scheme other than http and https (ftp, say), for a policy that names it:
 * with timeouts and within the answer's size cap, which DSS's own readers of these schemes lack.
 * The host is checked before the connection, which resolves it again: such a scheme is not proof
 * against DNS rebinding, one more reason it is off unless named. A FIFO behind {@code file:} would
 * block the read, since files have no read timeout: never allow {@code file} for documents.
 */
final class UrlReader {
    private UrlReader() {
    }

    static byte[] read(URI uri, int maxBytes, Duration connectTimeout, Duration readTimeout, boolean allowPrivateAddresses) {
        try {
            if (uri.isOpaque()) {
                // jar:http://host/x.jar!/ca.cer and the like carry an address the checks here never see.
                throw new CappedAnswer.Refused("an address inside another");
            }
            if (!allowPrivateAddresses && uri.getHost() != null) {
                new CheckedDnsResolver().resolve(uri.getHost());
            }
            URLConnection connection = uri.toURL().openConnection();
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                byte[] answer = in.readNBytes(maxBytes + 1);
                if (answer.length > maxBytes) {
                    throw new CappedAnswer.Refused("an answer of more than the " + maxBytes + " bytes allowed");
                }
                return answer;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DSSExternalResourceException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }
}
