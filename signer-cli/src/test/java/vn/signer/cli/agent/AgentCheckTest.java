package vn.signer.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Tools;

/** What --check can tell about the agent's certificate in the browsers' NSS database and about its port. */
class AgentCheckTest {
    @TempDir
    Path dir;

    @Test
    @Tag("native")
    void theNssDatabaseIsSeenWithoutAndThenWithTheAgentsCertificate() throws Exception {
        AgentCertificate certificate = AgentCertificate.loadOrMake(dir.resolve("agent"));
        Path nssdb = Files.createDirectories(dir.resolve("nssdb"));
        Tools.check(Tools.run(List.of("certutil", "-N", "-d", "sql:" + nssdb, "--empty-password")), "certutil -N");
        assertEquals("agent.check.nssUntrusted", AgentCheck.nss(certificate.certificate(), nssdb).problem().key());
        // The command the agent prints for Linux.
        Tools.check(Tools.run(List.of("certutil", "-d", "sql:" + nssdb, "-A", "-t", "P,,", "-n", AgentTrust.NICKNAME,
                "-i", certificate.file().toString())), "certutil -A");
        assertEquals("agent.check.nssTrusted", AgentCheck.nss(certificate.certificate(), nssdb).problem().key());
        assertEquals("agent.check.nssAbsent", AgentCheck.nss(certificate.certificate(), dir.resolve("none")).problem().key());
    }

    @Test
    void aRunningAgentIsToldFromAnotherProgramOnItsPort() throws Exception {
        AgentCertificate certificate = AgentCertificate.loadOrMake(dir.resolve("agent"));
        AgentCertificate other = AgentCertificate.loadOrMake(dir.resolve("other"));
        KeySourceSpec keys = new KeySourceSpec(new KeySourceSpec.Pkcs12(DemoPki.officerP12()), KeySelector.only(),
                new KeySourceSpec.Environment("PIN"));
        Person nobody = new TerminalPerson(null, new java.io.BufferedReader(new java.io.StringReader("")),
                new java.io.PrintWriter(new java.io.StringWriter()), Locale.ENGLISH);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (AgentServer running = AgentServer.start(new AgentSetup(Set.of("https://eoffice.example"), port, 10), certificate,
                keys, KeySelector.only(), new DocumentSetup(vn.signer.sign.Level.B, vn.signer.sign.SigningServices.none(), null), Map.of("PIN", DemoPki.PASSWORD), nobody, java.time.Duration.ofSeconds(5), Locale.ENGLISH, "test")) {
            assertEquals("agent.check.running", AgentCheck.port(port, certificate.certificate()).problem().key());
            assertEquals("agent.check.portTaken", AgentCheck.port(port, other.certificate()).problem().key());
        }
        assertEquals("agent.check.portFree", AgentCheck.port(port, certificate.certificate()).problem().key());
    }

    @Test
    void theCertificateIsKeptAndReusedAndItsKeyIsTheOwnersOnly() throws Exception {
        AgentCertificate made = AgentCertificate.loadOrMake(dir);
        AgentCertificate kept = AgentCertificate.loadOrMake(dir);
        assertEquals(true, made.made());
        assertEquals(false, kept.made());
        assertEquals(made.spkiSha256(), kept.spkiSha256());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(AgentCertificate.KEY_FILE))));
        List<?> names = made.certificate().getSubjectAlternativeNames().stream().map(n -> n.get(1)).toList();
        assertEquals(List.of("127.0.0.1", "localhost"), names);
    }
}
