package vn.signer.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import vn.signer.SignerException;
import vn.signer.server.config.ServerConfig;

/** Entry point: {@code signer-server --config FILE}. Stops gracefully on SIGTERM or Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The libraries' logs and ours go to standard error (slf4j-simple looks it up at each line).
        System.setErr(new LogOutput(new FileOutputStream(FileDescriptor.err)));
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: signer-server --config FILE   (see samples/server.yaml)");
            System.exit(64);
        }
        SignerServer server;
        try {
            server = SignerServer.start(ServerConfig.load(Path.of(args[1])));
        } catch (SignerException e) {
            System.err.println("signer-server: " + e.oneLine());
            System.exit(78);
            return;
        }
        // Jetty's threads keep the JVM running; the hook runs on SIGTERM or Ctrl-C.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "signer-server-shutdown"));
    }
}
