package vn.signer.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import sun.misc.Signal;
import vn.signer.SignerException;
import vn.signer.server.config.ServerConfig;

/** Entry point: {@code signer-server --config FILE}. Stops gracefully on SIGTERM (exit 0) or Ctrl-C. */
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
        // Left to Java, SIGTERM runs the hook and then exits 143, which systemd and other service managers
        // count as a failure. SIGTERM is how the server is meant to stop: exiting through System.exit(0) runs
        // the same hook (refuse new requests, drain, log out of tokens) and then ends with 0. sun.misc.Signal is
        // in jdk.unsupported, kept for exactly this until Java has a supported API for it (JEP 260): javac warns.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
