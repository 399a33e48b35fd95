package vn.signer.verify.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.SignerException;
import vn.signer.testing.DemoPki;
import vn.signer.testing.TestPki;
import vn.signer.testing.XmlCorpus;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * Every document of the {@link XmlCorpus} gets the verdict it is labelled with, every signature of it
 * too, and the XSLT transform is never executed (nothing is fetched). Prints the table of attack class
 * → verdict seen, with the reasons.
 */
@Tag("native")
class XmlCorpusTest {
    @TempDir
    static Path dir;
    private static HttpServer server;
    private static final AtomicInteger FETCHES = new AtomicInteger();

    @BeforeAll
    static void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = "<x/>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void everyDocumentGetsTheVerdictItIsLabelledWith() {
        TestPki pki = TestPki.create("xml-corpus");
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        List<XmlCorpus.Case> cases = new XmlCorpus(pki, dir.resolve("work"), url).all();
        DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki")));
        Map<String, List<String>> table = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (XmlCorpus.Case c : cases) {
            Path file = c.write(dir.resolve("corpus"));
            VerificationReport report;
            try {
                report = verifier.verify(file);
            } catch (SignerException e) {
                // An error exit is a wrong answer too (HMAC used to be one); keep going to show the whole table.
                wrong.add(c.name() + ": " + e.getMessage());
                table.computeIfAbsent(c.attackClass(), k -> new ArrayList<>()).add(c.name() + " → ERROR " + e.getMessage());
                continue;
            }
            table.computeIfAbsent(c.attackClass(), k -> new ArrayList<>()).add(c.name() + " → " + report.verdict()
                    + (report.verdict() == Verdict.VALID ? "" : " " + report.signatures().stream()
                            .map(s -> s.level() + " " + s.indication() + "/" + s.subIndication() + " " + s.reasons()).toList()));
            if (!c.allowed().contains(report.verdict())
                    || report.signatures().stream().anyMatch(s -> !c.allowed().contains(s.verdict()))) {
                wrong.add(c.name() + ": expected " + c.allowed() + ", got " + report);
            }
        }
        table.forEach((k, v) -> v.forEach(line -> System.out.println("| " + k + " | " + line + " |")));
        assertEquals(0, FETCHES.get(), "the XSLT transform was executed");
        assertEquals(List.of(), wrong);
    }
}
