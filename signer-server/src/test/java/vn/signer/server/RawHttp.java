package vn.signer.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP over a plain socket, for clients java.net.http cannot be: slow, malformed, from another loopback address. */
final class RawHttp implements AutoCloseable {
    private final Socket socket;

    /** A connection to {@code server} from {@code fromAddress} (any 127.x.y.z on Linux). */
    RawHttp(SignerServer server, String fromAddress) {
        try {
            socket = new Socket();
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(30_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** An answer: status, headers (lower-cased names, as one text) and body. */
    record Answer(int status, String headers, String body) {
        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    /** Reads one answer with a Content-Length. */
    Answer read() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of headers: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.substring(9, 12));
        Answer partial = new Answer(status, headers, "");
        int length = Integer.parseInt(partial.header("Content-Length"));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** Whether some of an answer has arrived. */
    boolean available() throws IOException {
        return socket.getInputStream().available() > 0;
    }

    /** Whether the server has closed the connection (reads end, or the connection is reset). */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
