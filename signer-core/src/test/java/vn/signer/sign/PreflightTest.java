package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.SigningKey;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PkiServices;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;
import vn.signer.verify.VerificationSettings;

/** --check: each way a level can be out of reach is named, and nothing is signed. */
@Tag("slow")
class PreflightTest {
    private static PkiServices services;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        services = PkiServices.start("preflight");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static TimestampAuthorities tsa(String... urls) {
        return TimestampAuthorities.create(new TsaSettings(List.of(urls).stream().map(URI::create).toList(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofMillis(10)));
    }

    private static VerificationSettings trusting(TestPki pki) {
        return VerificationSettings.builder().trust(List.of(pki.root())).network(PkiServices.LOOPBACK).offline(false).build();
    }

    private PreflightReport check(TestPki.Entity entity, Level level, SigningServices signingServices) {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(entity.writePkcs12(dir.resolve("k.p12"), "k", "pw".toCharArray()),
                r -> "pw".toCharArray())) {
            return Preflight.check(source.key(KeySelector.only()), level, signingServices);
        }
    }

    private static String problems(PreflightReport report) {
        assertFalse(report.reachable(), report.toString());
        return String.join("; ", report.problems().stream().map(p -> p.message(java.util.Locale.ROOT)).toList());
    }

    @Test
    void everythingInPlaceIsReachableAndSaysWhatWasChecked() {
        TestPki.Entity signer = services.pki().signer("All Good", "TEST").issue();
        PreflightReport report = check(signer, Level.LTA, new SigningServices(tsa(services.tsaUrl()), trusting(services.pki())));
        assertTrue(report.reachable(), report.toString());
        String all = report.findings().stream().map(PreflightReport.Finding::message).toList().toString();
        assertTrue(all.contains("TSA " + services.tsaUrl() + " answered"), all);
        assertTrue(all.contains("reaches the trust anchor"), all);
        assertTrue(all.contains("GOOD"), all);
    }

    @Test
    void namesTheMissingOrFailingTsa() {
        TestPki.Entity signer = services.pki().signer("No TSA", "TEST").issue();
        assertTrue(problems(check(signer, Level.T, new SigningServices(null, trusting(services.pki()))))
                .contains("needs a timestamp authority"));
        String down = problems(check(signer, Level.T, new SigningServices(tsa(services.failingTsaUrl()), trusting(services.pki()))));
        assertTrue(down.contains(services.failingTsaUrl()) && down.contains("503"), down);
        PreflightReport oneDown = check(signer, Level.T,
                new SigningServices(tsa(services.failingTsaUrl(), services.tsaUrl()), trusting(services.pki())));
        assertTrue(oneDown.reachable(), oneDown.toString());
        assertTrue(oneDown.findings().stream().anyMatch(f -> f.severity() == PreflightReport.Severity.WARNING
                && f.message().contains(services.failingTsaUrl())), oneDown.toString());
    }

    @Test
    void namesTheMissingTrustAnchorAndTheBrokenChainLink() {
        TestPki.Entity signer = services.pki().signer("Untrusted", "TEST").issue();
        assertTrue(problems(check(signer, Level.LT, new SigningServices(tsa(services.tsaUrl()),
                VerificationSettings.builder().offline(false).build()))).contains("need the chain up to a trust anchor"));
        TestPki other = TestPki.create("other");
        String chain = problems(check(signer, Level.LT, new SigningServices(tsa(services.tsaUrl()), trusting(other))));
        assertTrue(chain.contains("not a trust anchor") && chain.contains("Test Root CA preflight"), chain);
    }

    @Test
    void namesTheCertificateWithoutRevocationData() {
        TestPki silent = TestPki.create("no services");
        TestPki.Entity signer = silent.signer("No CRL Anywhere", "TEST").issue();
        String none = problems(check(signer, Level.LT, new SigningServices(tsa(services.tsaUrl()), trusting(silent))));
        assertTrue(none.contains("'No CRL Anywhere'") && none.contains("names no CRL or OCSP"), none);

        // The demo certificates point at http://127.0.0.1:18080, where nothing listens.
        try (var officer = DemoPki.openP12(DemoPki.officerP12())) {
            VerificationSettings demo = VerificationSettings.builder().trust(List.of(DemoPki.root())).network(PkiServices.LOOPBACK).offline(false).build();
            PreflightReport report = Preflight.check(officer.key(KeySelector.only()), Level.LT,
                    new SigningServices(tsa(services.tsaUrl()), demo));
            String unreachable = problems(report);
            assertTrue(unreachable.contains("127.0.0.1:18080/crl/issuing-ca.crl") && unreachable.contains("answered"), unreachable);
            // With the CRL files at hand, the same level is reachable.
            VerificationSettings withCrls = VerificationSettings.builder().trust(List.of(DemoPki.root()))
                    .crlFiles(DemoPki.crls()).network(PkiServices.LOOPBACK).offline(false).build();
            assertTrue(Preflight.check(officer.key(KeySelector.only()), Level.LT,
                    new SigningServices(tsa(services.tsaUrl()), withCrls)).reachable());
        }
    }

    @Test
    void signingRefusesAnUnreachableLevelBeforeTouchingAnything() {
        TestPki silent = TestPki.create("refused");
        TestPki.Entity signer = silent.signer("Refused", "TEST").issue();
        Path input = Samples.pdf(dir);
        try (Pkcs12KeySource source = Pkcs12KeySource.open(signer.writePkcs12(dir.resolve("r.p12"), "r", "pw".toCharArray()),
                r -> "pw".toCharArray())) {
            SigningKey key = source.key(KeySelector.only());
            SignerException lt = assertThrows(SignerException.class, () -> DocumentSigner.create(key,
                    SignatureOptions.builder().level(Level.LT).build(), new SigningServices(tsa(services.tsaUrl()), trusting(silent))));
            assertEquals(ErrorCode.LEVEL_UNREACHABLE, lt.code());
            assertTrue(lt.getMessage().contains("no revocation data for 'Refused'"), lt.getMessage());
            // Each finding is a fact of its own, worded in the reader's language like the sentence around it.
            String vi = lt.problem().message(java.util.Locale.forLanguageTag("vi"));
            assertTrue(vi.startsWith("không đạt được mức LT: ") && vi.contains("không có dữ liệu thu hồi cho 'Refused'"), vi);
            assertFalse(vi.contains("no revocation data") || vi.contains("answered") || vi.contains("cannot be reached"), vi);
            SignerException offline = assertThrows(SignerException.class, () -> DocumentSigner.create(key,
                    SignatureOptions.builder().level(Level.T).build(), new SigningServices(tsa(services.tsaUrl()),
                            VerificationSettings.builder().offline(true).build())));
            assertEquals(ErrorCode.LEVEL_UNREACHABLE, offline.code());
            SignerException noTsa = assertThrows(SignerException.class, () -> DocumentSigner.create(key,
                    SignatureOptions.builder().level(Level.T).build()));
            assertEquals(ErrorCode.USAGE, noTsa.code());
        }
        assertFalse(java.nio.file.Files.exists(DocumentSigner.defaultOutput(input)));
    }
}
