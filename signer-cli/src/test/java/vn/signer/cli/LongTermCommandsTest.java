package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.PkiServices;
import vn.signer.testing.TestPki;

/** 'sign --level/--tsa/--check' and 'extend', against a TSA, OCSP responder and CRLs on 127.0.0.1. */
@Tag("slow")
class LongTermCommandsTest {
    private static PkiServices services;
    private static Path pki;
    private static Path p12;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        services = PkiServices.start("cli-long-term");
        TestPki.PkiFiles files = services.pki().written(shared.resolve("pki"));
        pki = files.rootPem();
        p12 = services.pki().signer("Phạm Quốc Huy", "Văn phòng UBND (TEST)").issue()
                .writePkcs12(shared.resolve("huy.p12"), "huy", "pw".toCharArray());
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static List<String> key() {
        return List.of("--pkcs12", p12.toString(), "--pin-env", "P12_PIN");
    }

    private static Cli.Run run(String... args) {
        return Cli.run(java.util.Map.of("P12_PIN", "pw"), args);
    }

    @Test
    void signsAtLtWithFailoverAndSaysWhichTsaWasUsed() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run signed = run(args("sign", key(), "--level", "LT", "--tsa", services.failingTsaUrl(), "--tsa",
                services.tsaUrl(), "--tsa-retries", "0", "--trust", pki, "--json", pdf));
        assertEquals(0, signed.exit(), signed.toString());
        JsonNode line = signed.json().get(0);
        assertEquals("PAdES-BASELINE-LT", line.get("level").asText());
        assertEquals(services.tsaUrl(), line.get("timestampAuthorities").get(0).asText(), line.toString());

        Cli.Run verified = run(args("verify", "--trust", pki, "--json", dir.resolve("cong-van-mau-signed.pdf")));
        assertEquals(0, verified.exit(), verified.toString());
        JsonNode signature = verified.json().get(0).get("signatures").get(0);
        assertEquals("VALID", signature.get("verdict").asText());
        assertEquals("SIGNATURE_TIMESTAMP", signature.get("timestamps").get(0).get("type").asText());
        assertEquals("GOOD", signature.get("revocation").get("status").asText());
        assertTrue(signature.has("bestSignatureTime") && signature.has("modifications"), signature.toString());

        Cli.Run text = run(args("verify", "--trust", pki, dir.resolve("cong-van-mau-signed.pdf")));
        assertTrue(text.out().contains("timestamp: ") && text.out().contains("Test TSA"), text.toString());
        assertTrue(text.out().contains("revocation: GOOD"), text.toString());
    }

    @Test
    void checkNamesWhatIsMissingAndTouchesNothing() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run unreachable = run(args("sign", key(), "--check", "--level", "LTA", "--tsa", services.failingTsaUrl(),
                "--tsa-retries", "0", pdf));
        assertEquals(69, unreachable.exit(), unreachable.toString());
        assertTrue(unreachable.out().contains("NOT reachable"), unreachable.toString());
        assertTrue(unreachable.out().contains(services.failingTsaUrl()), unreachable.toString());
        assertTrue(unreachable.out().contains("--trust"), unreachable.toString());

        Cli.Run reachable = run(args("sign", key(), "--check", "--level", "LTA", "--tsa", services.tsaUrl(), "--trust", pki, pdf));
        assertEquals(0, reachable.exit(), reachable.toString());
        assertTrue(reachable.out().contains("reachable"), reachable.toString());
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));
    }

    @Test
    void levelsAboveBNeedATsaAndTheNetwork() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run noTsa = run(args("sign", key(), "--level", "T", pdf));
        assertEquals(64, noTsa.exit(), noTsa.toString());
        assertTrue(noTsa.err().contains("--tsa"), noTsa.toString());
        int tsaRequests = services.hits("/tsa");
        Cli.Run offline = run(args("sign", key(), "--level", "T", "--tsa", services.tsaUrl(), "--offline", pdf));
        assertEquals(69, offline.exit(), offline.toString());
        assertEquals(tsaRequests, services.hits("/tsa"), "--offline must not reach the TSA");
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));
    }

    @Test
    void extendsABasicSignatureToLtaAndRenewsIt() {
        Path xml = Cli.copy(Cli.SAMPLE_XML, dir);
        assertEquals(0, run(args("sign", key(), xml)).exit());
        Path signed = dir.resolve("thong-tin-ho-so-signed.xml");
        Cli.Run extended = run(args("extend", "--level", "LTA", "--tsa", services.tsaUrl(), "--trust", pki, signed));
        assertEquals(0, extended.exit(), extended.toString());
        Path lta = dir.resolve("thong-tin-ho-so-signed-LTA.xml");
        assertTrue(extended.out().contains("extended " + signed + " -> " + lta), extended.toString());
        Cli.Run verified = run(args("verify", "--trust", pki, "--json", lta));
        assertEquals(0, verified.exit(), verified.toString());
        assertEquals("XAdES-BASELINE-LTA", verified.json().get(0).get("signatures").get(0).get("level").asText());

        Cli.Run again = run(args("extend", "--level", "LTA", "--tsa", services.tsaUrl(), "--trust", pki, lta));
        assertEquals(0, again.exit(), again.toString());
        Cli.Run refused = run(args("extend", "--level", "T", "--tsa", services.tsaUrl(), "--trust", pki, signed));
        assertEquals(64, refused.exit(), refused.toString());
    }
}
