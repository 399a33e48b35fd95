package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.signer.testing.Tools;
import org.junit.jupiter.api.io.TempDir;

/** 'signer agent': its refusals of bad settings, and --check's findings and exit codes. */
class AgentCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutAnOriginOrWithAnOriginThatIsNoOriginTheAgentDoesNotStart() {
        Cli.Run none = Cli.run(Cli.args("--lang", "en", "agent", Cli.demoP12(), "--folder", dir));
        assertEquals(ExitCodes.USAGE, none.exit(), none.toString());
        assertTrue(none.err().contains("--origin"), none.toString());
        for (String origin : new String[] {"https://eoffice.example/path", "http://eoffice.example", "eoffice.example"}) {
            Cli.Run bad = Cli.run(Cli.args("--lang", "vi", "agent", Cli.demoP12(), "--origin", origin, "--folder", dir));
            assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
            assertTrue(bad.err().contains("không phải một nguồn"), bad.toString());
        }
    }

    @Test
    void checkSaysTheKeyStoreIsFineTheCertificateIsNotMadeYetAndThePortIsFree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Run check = Cli.run(Cli.args("--lang", "en", "agent", "--check", Cli.demoP12(), "--origin", "https://eoffice.example",
                "--port", port, "--folder", dir.resolve("agent")));
        assertEquals(ExitCodes.SOME_FAILED, check.exit(), check.toString());
        assertTrue(check.out().contains("OK  " + Cli.OFFICER_P12 + ": 1 certificate(s) offered"), check.toString());
        assertTrue(check.out().contains("WARNING  " + dir.resolve("agent") + ": the agent has not made its TLS certificate yet"),
                check.toString());
        assertTrue(check.out().contains("port " + port + " of 127.0.0.1 is free"), check.toString());
    }

    @Test
    void theConfigurationFileGivesTheOriginsThePortAndTheProfilesKey() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // samples/officer-config.yaml: agent.origins https://eoffice.example.gov.vn, agent.profile demo (the officer's PKCS#12).
        Cli.Run check = Cli.run(Cli.args("--lang", "en", "agent", "--check", "--config", Tools.sample("officer-config.yaml"), "--pin-file", Cli.DEMO_PKI.resolve("demo-password.txt"),
                "--port", port, "--folder", dir.resolve("agent")));
        assertEquals(ExitCodes.SOME_FAILED, check.exit(), check.toString());
        assertTrue(check.out().contains("1 certificate(s) offered"), check.toString());
        assertTrue(check.out().contains("port " + port + " of 127.0.0.1 is free"), check.toString());
        Cli.Run unknown = Cli.run(Cli.args("--lang", "en", "agent", "--check", "--config", Tools.sample("officer-config.yaml"), "--pin-file", Cli.DEMO_PKI.resolve("demo-password.txt"),
                "--profile", "nope", "--folder", dir));
        assertEquals(ExitCodes.USAGE, unknown.exit(), unknown.toString());
    }

    @Test
    void checkSaysWhenThePortIsTakenByAnotherProgram() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            Cli.Run check = Cli.run(Cli.args("--lang", "vi", "agent", "--check", Cli.demoP12(), "--origin", "https://eoffice.example",
                    "--port", taken.getLocalPort(), "--folder", dir));
            assertEquals(ExitCodes.UNAVAILABLE, check.exit(), check.toString());
            assertTrue(check.out().contains("cổng " + taken.getLocalPort() + " của 127.0.0.1 đang bị một chương trình khác chiếm"),
                    check.toString());
        }
    }

    @Test
    void checkSaysWhenTheTokenDriverIsMissing() {
        Cli.Run check = Cli.run(Cli.args("--lang", "en", "agent", "--check", "--pkcs11", dir.resolve("no-such-pkcs11.so"),
                "--origin", "https://eoffice.example", "--folder", dir));
        assertEquals(ExitCodes.NO_INPUT, check.exit(), check.toString());
        assertTrue(check.out().contains("PROBLEM  " + dir.resolve("no-such-pkcs11.so") + ": no such PKCS#11 module"), check.toString());
    }
}
