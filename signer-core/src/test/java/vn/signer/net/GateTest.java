package vn.signer.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Canary;
import vn.signer.testing.PkiServices;
import vn.signer.testing.SignedSamples;
import vn.signer.testing.TestPki;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;
import vn.signer.report.Words;

/**
 * The network gate against documents whose certificates name addresses of the author's choosing:
 * a canary on 127.0.0.1 counts what reaches it. Each signed document embeds only the signer's
 * certificate, so that a verifier without the issuing CA goes looking for it (AIA "CA issuers").
 */
@Tag("slow")
class GateTest {
    private static final Duration QUICKLY = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private Canary canary;

    @BeforeEach
    void start() {
        canary = Canary.start();
    }

    @AfterEach
    void stop() {
        canary.close();
    }

    @Test
    void offlineNothingIsFetched() {
        TestPki pki = TestPki.create("gate-offline", canary.url());
        SignatureReport signature = verify(signedBy(pki.signer("Người Ký", "Sở TEST").issue()),
                VerificationSettings.builder().trust(List.of(pki.root())).offline(true).build());
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertEquals(0, canary.requests());
    }

    @Test
    void settingsThatDoNotSayOnlineFetchNothingEvenWhereTheNetworkPolicyWouldAllowIt() {
        TestPki pki = TestPki.create("gate-default", canary.url());
        SignatureReport signature = verify(signedBy(pki.signer("Người Ký", "Sở TEST").issue()),
                VerificationSettings.builder().trust(List.of(pki.root())).network(PkiServices.LOOPBACK).build());
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertEquals(0, canary.requests());
    }

    @Test
    void publicAddressesOnlyRefusesLoopbackByAddressAndByName() {
        for (String host : List.of("127.0.0.1", "localhost")) {
            TestPki pki = TestPki.create("gate-" + host, canary.url().replace("127.0.0.1", host));
            SignatureReport signature = verify(signedBy(pki.signer("Người Ký", "Sở TEST").issue()),
                    VerificationSettings.builder().trust(List.of(pki.root())).network(NetworkPolicy.PUBLIC_ONLY).offline(false).build());
            assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
            assertEquals(0, canary.requests(), host);
        }
        GatedDataLoader loader = GatedDataLoader.forDocuments(NetworkPolicy.PUBLIC_ONLY, AnswerKind.CERTIFICATE,
                new RequestBudget(NetworkPolicy.PUBLIC_ONLY));
        FetchRefused refused = assertThrows(FetchRefused.class, () -> loader.get(canary.url().replace("127.0.0.1", "localhost")));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void withPrivateAddressesAllowedTheCanaryIsAskedAndEndlessOrHugeAnswersAreRefused() {
        canary.answer("/certs/", Canary.endless()).answer("/crl/", Canary.sized(50L << 20)).answer("/ocsp", Canary.endless());
        TestPki pki = TestPki.create("gate-huge", canary.url());
        Path signed = signedBy(pki.signer("Người Ký", "Sở TEST").issue());
        assertTimeoutPreemptively(QUICKLY, () -> {
            SignatureReport chainless = verify(signed, VerificationSettings.builder().trust(List.of(pki.root()))
                    .network(PkiServices.LOOPBACK).offline(false).build());
            assertEquals(Verdict.INDETERMINATE, chainless.verdict(), chainless.toString());
            int afterAia = canary.requests();
            assertTrue(afterAia > 0, "the CA certificate was asked for");
            SignatureReport noRevocation = verify(signed, VerificationSettings.builder().trust(List.of(pki.root()))
                    .intermediates(List.of(pki.issuingCa())).network(PkiServices.LOOPBACK).offline(false).build());
            assertEquals(Verdict.INDETERMINATE, noRevocation.verdict(), noRevocation.toString());
            assertTrue(Words.ENGLISH.texts(noRevocation.reasons()).stream().anyMatch(r -> r.contains("revocation")), noRevocation.reasons().toString());
            assertTrue(canary.requests() > afterAia, "the CRL and the OCSP responder were asked");
        });
    }

    @Test
    void eachKindOfAnswerHasItsOwnCap() {
        canary.answer("/one-mb", Canary.sized(1 << 20)).answer("/endless", Canary.endless());
        RequestBudget budget = new RequestBudget(PkiServices.LOOPBACK);
        GatedDataLoader certificates = GatedDataLoader.forDocuments(PkiServices.LOOPBACK, AnswerKind.CERTIFICATE, budget);
        GatedDataLoader crls = GatedDataLoader.forDocuments(PkiServices.LOOPBACK, AnswerKind.CRL, budget);
        FetchRefused refused = assertThrows(FetchRefused.class, () -> certificates.get(canary.url() + "/one-mb"));
        assertTrue(refused.getMessage().contains("65536 allowed"), refused.getMessage());
        assertEquals(1 << 20, crls.get(canary.url() + "/one-mb").length);
        refused = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(FetchRefused.class, () -> crls.get(canary.url() + "/endless")));
        assertTrue(refused.getMessage().contains("bytes allowed"), refused.getMessage());
    }

    @Test
    void fileFtpJarAndLdapAddressesAreNeverRead() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String ftp = "ftp://127.0.0.1:" + canary.url().replaceAll(".*:", "");
        for (String prefix : List.of("file:///etc/passwd#", "file:///dev/zero#", "file://" + fifo + "#", ftp + "#")) {
            TestPki pki = TestPki.create("gate-" + prefix.charAt(0), prefix);
            Path signed = signedBy(pki.signer("Người Ký", "Sở TEST").issue());
            for (boolean intermediates : new boolean[] {false, true}) {
                VerificationSettings settings = VerificationSettings.builder().trust(List.of(pki.root()))
                        .intermediates(intermediates ? List.of(pki.issuingCa()) : List.of())
                        .network(PkiServices.LOOPBACK).offline(false).build();
                SignatureReport signature = assertTimeoutPreemptively(QUICKLY, () -> verify(signed, settings));
                assertEquals(Verdict.INDETERMINATE, signature.verdict(), prefix + ": " + signature);
            }
        }
        assertEquals(0, canary.requests(), "ftp never reached the canary's port");
        GatedDataLoader loader = GatedDataLoader.forDocuments(PkiServices.LOOPBACK, AnswerKind.CERTIFICATE, new RequestBudget(PkiServices.LOOPBACK));
        for (String url : List.of("file:///etc/passwd", "FILE:///etc/passwd", "jar:file:/tmp/x.jar!/a", "ldap://127.0.0.1/cn=ca",
                ftp + "/ca.cer", "/etc/passwd", "gopher://127.0.0.1/")) {
            assertThrows(FetchRefused.class, () -> loader.get(url), url);
        }
    }

    @Test
    void aSchemeThePolicyNamesIsReadWithinTheCap() {
        NetworkPolicy withFile = new NetworkPolicy(Set.of("FILE"), true, 5, NetworkPolicy.DEFAULT_MAX_TIME);
        GatedDataLoader loader = GatedDataLoader.forDocuments(withFile, AnswerKind.CERTIFICATE, new RequestBudget(PkiServices.LOOPBACK));
        FetchRefused refused = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(FetchRefused.class, () -> loader.get("file:///dev/zero")));
        assertTrue(refused.getMessage().contains("bytes allowed"), refused.getMessage());
        GatedDataLoader withJar = GatedDataLoader.forDocuments(new NetworkPolicy(Set.of("jar"), true, 5,
                NetworkPolicy.DEFAULT_MAX_TIME), AnswerKind.CERTIFICATE, new RequestBudget(PkiServices.LOOPBACK));
        refused = assertThrows(FetchRefused.class, () -> withJar.get("jar:" + canary.url() + "/ca.jar!/ca.cer"));
        assertTrue(refused.getMessage().contains("inside another"), refused.getMessage());
        assertEquals(0, canary.requests());
    }

    @Test
    void redirectsStayOnTheirSchemeAndAreBounded() {
        canary.answer("/to-file", Canary.redirect("file:///etc/passwd")).answer("/loop", Canary.redirect("/loop"))
                .answer("/moved", Canary.redirect("/here")).answer("/here", Canary.bytes(new byte[] {1, 2, 3}));
        GatedDataLoader loader = GatedDataLoader.forDocuments(PkiServices.LOOPBACK, AnswerKind.CERTIFICATE, new RequestBudget(PkiServices.LOOPBACK));
        FetchRefused refused = assertThrows(FetchRefused.class, () -> loader.get(canary.url() + "/to-file"));
        assertTrue(refused.getMessage().contains("another scheme"), refused.getMessage());
        int before = canary.requests();
        refused = assertThrows(FetchRefused.class, () -> loader.get(canary.url() + "/loop"));
        assertTrue(refused.getMessage().contains("redirects"), refused.getMessage());
        assertEquals(1 + GatedDataLoader.MAX_REDIRECTS, canary.requests() - before);
        assertEquals(3, loader.get(canary.url() + "/moved").length);
    }

    @Test
    void aChainWithoutEndStopsAtTheRequestCapAndIsNeverValid() throws CertificateEncodingException {
        List<TestPki.Entity> chain = TestPki.endlessChain(30, canary.url());
        for (int i = 0; i < chain.size() - 1; i++) {
            canary.answer("/certs/ca" + i + ".cer", Canary.bytes(chain.get(i).certificate().getEncoded()));
        }
        Path signed = signedBy(chain.get(chain.size() - 1));
        int cap = 10;
        DocumentVerifier verifier = DocumentVerifier.create(VerificationSettings.builder()
                .trust(List.of(TestPki.create("elsewhere").root()))
                .network(new NetworkPolicy(Set.of(), true, cap, NetworkPolicy.DEFAULT_MAX_TIME)).offline(false).build());
        SignatureReport signature = only(verifier.verify(signed));
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertEquals(cap, canary.requests(), "the cap, and not the end of the chain, stopped the fetching");
        // The cap is per verification: the same verifier starts again with the next document.
        assertEquals(Verdict.INDETERMINATE, only(verifier.verify(signed)).verdict());
        assertEquals(2 * cap, canary.requests());
    }

    @Test
    void aChainOfSlowAnswersStopsAtTheNetworkTimeCap() throws CertificateEncodingException {
        List<TestPki.Entity> chain = TestPki.endlessChain(30, canary.url());
        for (int i = 0; i < chain.size() - 1; i++) {
            canary.answer("/certs/ca" + i + ".cer", Canary.after(Duration.ofMillis(700),
                    Canary.bytes(chain.get(i).certificate().getEncoded())));
        }
        Path signed = signedBy(chain.get(chain.size() - 1));
        VerificationSettings settings = VerificationSettings.builder().trust(List.of(TestPki.create("elsewhere").root()))
                .network(new NetworkPolicy(Set.of(), true, 50, Duration.ofSeconds(2))).offline(false).build();
        SignatureReport signature = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> verify(signed, settings));
        assertEquals(Verdict.INDETERMINATE, signature.verdict(), signature.toString());
        assertTrue(canary.requests() >= 2 && canary.requests() <= 5, "requests: " + canary.requests());
    }

    @Test
    void aServerThatDripsItsHeadersIsCutOffAtTheRequestDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch hungUp = new CountDownLatch(1);
            Thread dripper = new Thread(() -> drip(server, hungUp));
            dripper.setDaemon(true);
            dripper.start();
            // 1 s to connect and 1 s per read: the whole request gets 3 s; the drip would last 30 s.
            GatedDataLoader loader = GatedDataLoader.forConfigured(AnswerKind.TIMESTAMP, Duration.ofSeconds(1), Duration.ofSeconds(1));
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DSSExternalResourceException.class,
                    () -> loader.get("http://127.0.0.1:" + server.getLocalPort() + "/tsa")));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
            assertTrue(hungUp.await(10, TimeUnit.SECONDS), "the connection was dropped");
        }
    }

    /** Answers one request with headers that arrive a byte every half second, for 30 s. */
    private static void drip(ServerSocket server, CountDownLatch hungUp) {
        try (Socket socket = server.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 60; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(500);
            }
        } catch (IOException e) {
            hungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SignatureReport verify(Path signed, VerificationSettings settings) {
        return only(DocumentVerifier.create(settings).verify(signed));
    }

    private static SignatureReport only(VerificationReport report) {
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }

    private Path signedBy(TestPki.Entity signer) {
        return SignedSamples.pdfEmbeddingOnlyTheSigner(signer, dir);
    }
}
