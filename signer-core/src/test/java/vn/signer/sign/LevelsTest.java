package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PkiServices;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.StreamedVerification;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;

/**
 * Every level for PDF and XML, with PKCS#12 and PKCS#11 keys, checked by our verifier and by pdfsig
 * and xmlsec1; TSA, OCSP and CRLs are real servers on 127.0.0.1.
 */
@Tag("native")
class LevelsTest {
    private static PkiServices services;
    private static TestPki.Entity signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        services = PkiServices.start("levels");
        signer = services.pki().signer("Lê Văn Bình", "Sở Tư pháp (TEST)").issue();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static TimestampAuthorities tsa() {
        return TimestampAuthorities.create(TsaSettings.of(List.of(URI.create(services.tsaUrl()))));
    }

    private static VerificationSettings trust() {
        return VerificationSettings.builder().trust(List.of(services.pki().root())).network(PkiServices.LOOPBACK).offline(false).build();
    }

    private static SignOutcome sign(KeySource source, KeySelector selector, Level level, VerificationSettings trust, Path input) {
        DocumentSigner documentSigner = DocumentSigner.create(source.key(selector),
                SignatureOptions.builder().level(level).build(), new SigningServices(tsa(), trust));
        SignOutcome outcome = documentSigner.sign(input, DocumentSigner.defaultOutput(input), false);
        assertEquals(List.of(URI.create(services.tsaUrl())), outcome.timestampAuthorities());
        return outcome;
    }

    private static SignatureReport assertValid(Path file, VerificationSettings trust, Level level) {
        VerificationReport report = DocumentVerifier.create(trust).verify(file);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        SignatureReport signature = report.signatures().get(0);
        assertTrue(signature.level().endsWith("-" + level), signature.level());
        assertTrue(signature.timestamps().stream().anyMatch(t -> t.type().equals("SIGNATURE_TIMESTAMP")
                && t.verdict() == Verdict.VALID && "Test TSA".equals(t.tsa())), signature.timestamps().toString());
        return signature;
    }

    @ParameterizedTest
    @EnumSource(value = Level.class, names = {"T", "LT", "LTA"})
    void pdfAtEveryLevelIsValidForUsAndForPdfsig(Level level) {
        Path input = Samples.pdf(dir);
        try (Pkcs12KeySource source = Pkcs12KeySource.open(signer.writePkcs12(dir.resolve("k.p12"), "k", "pw".toCharArray()),
                r -> "pw".toCharArray())) {
            SignOutcome outcome = sign(source, KeySelector.only(), level, trust(), input);
            SignatureReport report = assertValid(outcome.output(), trust(), level);
            if (level.needsValidationData()) {
                assertTrue(List.of("EMBEDDED", "ONLINE").contains(report.revocation().source()), report.revocation().toString());
            }
            TestPki.PkiFiles files = services.pki().written(dir.resolve("pki"));
            Path nss = Samples.nssDatabase(dir.resolve("nss"), List.of(services.pki().root()),
                    List.of(services.pki().issuingCa()), files.crls());
            Samples.assertPdfsigSays(outcome.output(), nss, Samples.PDFSIG_VALID);
        }
    }

    /**
     * The streaming path of large XML at T and LT: DSS's path and the streaming one find it VALID, xmlsec1
     * too, every timestamp VALID. At LTA the archive timestamp covers the canonical document, which the
     * stream only digests: signing refuses it, and the streaming verification refuses one made on the tree.
     */
    @ParameterizedTest
    @EnumSource(value = Level.class, names = {"T", "LT", "LTA"})
    void xmlSignedByStreamingIsValidBothWaysAndForXmlsecUpToLt(Level level) {
        Path input = Samples.xml(dir);
        Path output = dir.resolve("streamed-" + level + ".xml");
        DocumentVerifier verifier = DocumentVerifier.create(trust());
        try (Pkcs12KeySource source = Pkcs12KeySource.open(signer.writePkcs12(dir.resolve("k.p12"), "k", "pw".toCharArray()),
                r -> "pw".toCharArray())) {
            DocumentSigner documentSigner = DocumentSigner.create(source.key(KeySelector.only()),
                    SignatureOptions.builder().level(level).build(), new SigningServices(tsa(), trust()));
            if (level == Level.LTA) {
                SignerException refused = assertThrows(SignerException.class, () -> documentSigner.signStreamed(input, output));
                assertEquals("xml.large.level", refused.problem().key(), refused.getMessage());
                SignOutcome tree = sign(source, KeySelector.only(), level, trust(), input);
                SignerException notStreamed = assertThrows(SignerException.class,
                        () -> StreamedVerification.verify(verifier, tree.output()));
                assertEquals("xml.large.timestamp", notStreamed.problem().key(), notStreamed.getMessage());
                return;
            }
            SignOutcome outcome = documentSigner.signStreamed(input, output);
            assertEquals(List.of(URI.create(services.tsaUrl())), outcome.timestampAuthorities());
        }
        for (VerificationReport report : List.of(verifier.verify(output), StreamedVerification.verify(verifier, output))) {
            assertEquals(Verdict.VALID, report.verdict(), report.toString());
            SignatureReport signature = report.signatures().get(0);
            assertTrue(signature.level().endsWith("-" + level), signature.level());
            assertFalse(signature.timestamps().isEmpty());
            assertTrue(signature.timestamps().stream().allMatch(t -> t.verdict() == Verdict.VALID), signature.timestamps().toString());
        }
        TestPki.PkiFiles files = services.pki().written(dir.resolve("pki"));
        Tools.check(Tools.xmlsec1Verify(output, files.rootPem(), files.issuingCaPem()), "xmlsec1 --verify");
    }

    @ParameterizedTest
    @EnumSource(value = Level.class, names = {"T", "LT", "LTA"})
    void xmlAtEveryLevelIsValidForUsAndForXmlsec(Level level) {
        Path input = Samples.xml(dir);
        try (Pkcs12KeySource source = Pkcs12KeySource.open(signer.writePkcs12(dir.resolve("k.p12"), "k", "pw".toCharArray()),
                r -> "pw".toCharArray())) {
            SignOutcome outcome = sign(source, KeySelector.only(), level, trust(), input);
            assertValid(outcome.output(), trust(), level);
            TestPki.PkiFiles files = services.pki().written(dir.resolve("pki"));
            Tools.check(Tools.xmlsec1Verify(outcome.output(), files.rootPem(), files.issuingCaPem()), "xmlsec1 --verify");
        }
    }

    /**
     * The demo officer's key on the token, which holds only the officer's certificate: the issuing CA
     * comes from --intermediate, revocation from the demo CRL files, the time from the test TSA.
     */
    @ParameterizedTest
    @EnumSource(value = Level.class, names = {"LT", "LTA"})
    void tokenKeyWithRevocationFromCrlFiles(Level level) {
        List<java.security.cert.X509Certificate> roots = new ArrayList<>(List.of(DemoPki.root(), services.pki().root()));
        VerificationSettings trust = VerificationSettings.builder().trust(roots).intermediates(List.of(DemoPki.issuingCa()))
                .crlFiles(DemoPki.crls()).network(PkiServices.LOOPBACK).offline(false).build();
        // Verified later, elsewhere: only the roots, no CRL files, no network; the documents carry the rest.
        VerificationSettings offline = VerificationSettings.builder().trust(roots).offline(true).build();
        try (KeySource token = DemoPki.openToken()) {
            for (Path input : List.of(Samples.pdf(dir.resolve("pdf")), Samples.xml(dir.resolve("xml")))) {
                SignOutcome outcome = sign(token, DemoPki.officerOnToken(), level, trust, input);
                SignatureReport report = assertValid(outcome.output(), trust, level);
                assertEquals(DemoPki.OFFICER_NAME, report.signer().commonName());
                assertEquals(Verdict.VALID, DocumentVerifier.create(offline).verify(outcome.output()).verdict(), input.toString());
            }
        }
    }
}
