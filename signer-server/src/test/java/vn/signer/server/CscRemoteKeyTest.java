package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.signer.batch.BatchItem;
import vn.signer.batch.BatchRunner;
import vn.signer.batch.BatchSummary;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.SigningKey;
import vn.signer.remote.CscAuth;
import vn.signer.server.config.ServerConfig;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.Level;
import vn.signer.sign.SignOutcome;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SigningServices;
import vn.signer.testing.PkiServices;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;

/**
 * signer-core's CSC client against signer-server's CSC face, both real, on loopback: the key is the
 * server's (a PKCS#12 file of the test PKI), the documents and the levels the client's, with the test
 * TSA, OCSP and CRLs. Every document is verified VALID by signer, PDFs by pdfsig and XML by xmlsec1;
 * a batch of 12 documents on a credential of multisign 5 takes 3 authorisations, counted on the server.
 */
@Tag("native")
@Tag("slow")
class CscRemoteKeyTest {
    @TempDir
    static Path dir;
    static PkiServices services;
    static SignerServer server;

    @BeforeAll
    static void start() throws Exception {
        services = PkiServices.start("csc");
        TestPki.Entity seal = services.pki().signer("Văn phòng Sở (TEST)", "Sở Tư pháp (TEST)").issue();
        Path p12 = seal.writePkcs12(dir.resolve("seal.p12"), "seal", "pw".toCharArray());
        Files.writeString(dir.resolve("pw.txt"), "pw\n");
        TestPki.PkiFiles pki = services.pki().written(dir.resolve("test-pki"));
        String yaml = TestServers.yaml(dir, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                  seal:
                    pkcs12: {file: %s}
                    pin: {file: %s}
                    trust: test
                    csc: {enabled: true, multisign: 5}
                """.formatted(p12, dir.resolve("pw.txt")))
                .replace("    profiles: [organisation]\n", "    profiles: [organisation, seal]\n");
        // The test PKI as the trust profile "test", after the demo one.
        int crls = yaml.indexOf("\n", yaml.indexOf("      crls: ["));
        yaml = yaml.substring(0, crls) + "\n    test:\n      trust: [%s]\n      intermediates: [%s]".formatted(pki.rootPem(),
                pki.issuingCaPem()) + yaml.substring(crls);
        Files.writeString(dir.resolve("server.yaml"), yaml, StandardCharsets.UTF_8);
        server = SignerServer.start(ServerConfig.load(dir.resolve("server.yaml")));
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    static KeySourceSpec spec() {
        URI csc = URI.create("http://127.0.0.1:" + server.port() + "/csc/v2");
        return new KeySourceSpec(new KeySourceSpec.Csc(csc, CscAuth.EXTERNAL, null, true), KeySelector.label("seal"),
                new KeySourceSpec.Environment("SIGNER_CSC_SECRET"));
    }

    static KeySource open() {
        return spec().open(null, Map.of("SIGNER_CSC_SECRET", TestServers.API_KEY));
    }

    static VerificationSettings trust() {
        return VerificationSettings.builder().trust(List.of(services.pki().root())).network(PkiServices.LOOPBACK).offline(false).build();
    }

    static SigningServices signingServices() {
        return new SigningServices(TimestampAuthorities.create(TsaSettings.of(List.of(URI.create(services.tsaUrl())))), trust());
    }

    static long authorisations() throws Exception {
        return Files.readAllLines(dir.resolve("audit.jsonl")).stream().filter(l -> l.contains("\"action\":\"csc/authorize\"")).count();
    }

    static void assertValid(Path signed, Level level) {
        VerificationReport report = DocumentVerifier.create(trust()).verify(signed);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertTrue(report.signatures().get(0).level().endsWith("-" + level), report.signatures().get(0).level());
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void aPdfSignedWithTheServersKeyIsValidForUsAndPdfsig(Level level) throws Exception {
        Path input = Samples.pdf(dir.resolve("pdf-" + level));
        try (KeySource keys = open()) {
            SignOutcome outcome = DocumentSigner.create(keys.key(KeySelector.label("seal")),
                    SignatureOptions.builder().level(level).build(), signingServices()).sign(input, dir.resolve("pdf-" + level + ".pdf"), false);
            assertValid(outcome.output(), level);
            TestPki.PkiFiles files = services.pki().written(dir.resolve("pki-" + level));
            Path nss = Samples.nssDatabase(dir.resolve("nss-" + level), List.of(services.pki().root()),
                    List.of(services.pki().issuingCa()), files.crls());
            Samples.assertPdfsigSays(outcome.output(), nss, Samples.PDFSIG_VALID);
        }
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void anXmlSignedWithTheServersKeyIsValidForUsAndXmlsec(Level level) {
        Path input = Samples.xml(dir.resolve("xml-" + level));
        try (KeySource keys = open()) {
            SignOutcome outcome = DocumentSigner.create(keys.key(KeySelector.label("seal")),
                    SignatureOptions.builder().level(level).build(), signingServices()).sign(input, dir.resolve("xml-" + level + ".xml"), false);
            assertValid(outcome.output(), level);
            TestPki.PkiFiles files = services.pki().written(dir.resolve("xpki-" + level));
            Tools.check(Tools.xmlsec1Verify(outcome.output(), files.rootPem(), files.issuingCaPem()), "xmlsec1 --verify");
        }
    }

    @Test
    void twelveDocumentsOnMultisignFiveTakeThreeAuthorisations() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path input = Samples.pdf(Files.createDirectories(folder.resolve("in" + i)));
            items.add(new BatchItem(input, folder.resolve("signed-" + i + ".pdf")));
        }
        long before = authorisations();
        try (KeySource keys = open()) {
            SigningKey key = keys.key(KeySelector.label("seal"));
            DocumentSigner signer = DocumentSigner.create(key, SignatureOptions.builder().build(), signingServices());
            int jobs = 6;
            BatchSummary summary = new BatchRunner(signer::sign, signer::isSignedCopy, jobs, false).run(items, result -> { }, key.batching());
            assertEquals(12, summary.signed(), summary.failed().toString());
        }
        assertEquals(3, authorisations() - before, "12 hashes at most 5 per authorisation");
        for (BatchItem item : items) {
            assertValid(item.output(), Level.B);
        }
    }
}
