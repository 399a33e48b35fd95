package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.DemoPki;
import vn.signer.testing.TestPki;
import vn.signer.testing.XmlCorpus;

/**
 * The streaming verification of large XML ({@link DocumentVerifier#verifyLarge}) against DSS's own path on
 * every document of the {@link XmlCorpus} (other tools' signatures, wrapping attacks, a changed text, a
 * moved element, a second signature, Id duplication, transform abuse): each either refused with an
 * {@code xml.large.*} problem, or given the same verdict, and never VALID where DSS's path is not.
 */
@Tag("native")
class LargeXmlParityTest {
    @TempDir
    Path dir;

    @Test
    void everyCorpusDocumentIsRefusedOrGetsTheSameVerdictByStreaming() throws IOException {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            TestPki pki = TestPki.create("large-xml-parity");
            List<XmlCorpus.Case> cases = new XmlCorpus(pki, dir.resolve("work"),
                    "http://127.0.0.1:" + server.getAddress().getPort()).all();
            DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki")));
            List<String> table = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            int streamed = 0;
            int streamedValid = 0;
            for (XmlCorpus.Case c : cases) {
                Path file = c.write(dir.resolve("corpus"));
                String dom;
                try {
                    dom = verifier.verify(file).verdict().toString();
                } catch (SignerException e) {
                    dom = "ERROR " + e.problem().key();
                }
                String large;
                try {
                    VerificationReport report = verifier.verifyLarge(file);
                    large = report.verdict().toString();
                    streamed++;
                    if (!large.equals(dom)) {
                        wrong.add(c.name() + ": DSS's path " + dom + ", streaming " + large + " " + report.signatures().stream()
                                .map(s -> s.reasons().toString()).toList());
                    } else if (report.verdict() == Verdict.VALID) {
                        streamedValid++;
                    }
                } catch (SignerException e) {
                    large = "refused " + e.problem().key();
                    if (e.code() != ErrorCode.BAD_INPUT || !e.problem().key().startsWith("xml.")) {
                        wrong.add(c.name() + ": streaming failed " + e.code() + " " + e.getMessage());
                    }
                }
                table.add(String.format("%-12s %-40s %-14s %s", c.attackClass(), c.name(), dom, large));
            }
            System.out.println("attack class / document / DSS's path / streaming\n" + String.join("\n", table));
            assertEquals(List.of(), wrong);
            assertTrue(streamed >= 10, "too few corpus documents took the streaming path: " + streamed);
            assertTrue(streamedValid >= 2, "no valid signature took the streaming path");
            assertEquals(0, fetches.get(), "nothing is fetched");
        } finally {
            server.stop(0);
        }
    }
}
