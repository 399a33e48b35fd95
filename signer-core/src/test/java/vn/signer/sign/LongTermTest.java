package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.net.NetworkPolicy;
import vn.signer.testing.OpenSslOcspResponder;
import vn.signer.testing.PkiServices;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;
import vn.signer.report.Words;

/** Timestamps, revocation and expiry, against real TSA, OCSP and CRL servers on 127.0.0.1. */
@Tag("native")
class LongTermTest {
    private static PkiServices services;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        services = PkiServices.start("long-term");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static VerificationSettings trust() {
        return VerificationSettings.builder().trust(List.of(services.pki().root())).network(PkiServices.LOOPBACK).offline(false).build();
    }

    private static TimestampAuthorities tsa(String... urls) {
        return TimestampAuthorities.create(new TsaSettings(List.of(urls).stream().map(URI::create).toList(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(50)));
    }

    private Path pdf() throws Exception {
        return Files.copy(Tools.sample("documents/cong-van-mau.pdf"), dir.resolve("doc-" + System.nanoTime() + ".pdf"));
    }

    private SignOutcome sign(TestPki.Entity signer, Level level, TimestampAuthorities tsa, Path input) {
        Path p12 = signer.writePkcs12(dir.resolve("k" + System.nanoTime() + ".p12"), "k", "pw".toCharArray());
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, r -> "pw".toCharArray())) {
            DocumentSigner documentSigner = DocumentSigner.create(source.key(KeySelector.only()),
                    SignatureOptions.builder().level(level).build(), new SigningServices(tsa, trust()));
            return documentSigner.sign(input, DocumentSigner.defaultOutput(input), false);
        }
    }

    private static SignatureReport verify(Path file) {
        return verify(file, trust());
    }

    /** Verifies as if at {@code time}: a later time stands for time passed, with no test waiting for it. */
    private static SignatureReport verifyAt(Path file, Instant time) {
        return verify(file, VerificationSettings.builder().trust(List.of(services.pki().root()))
                .network(PkiServices.LOOPBACK).validationTime(time).build());
    }

    private static SignatureReport verify(Path file, VerificationSettings settings) {
        VerificationReport report = DocumentVerifier.create(settings).verify(file);
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }

    @Test
    void theRequestCapCountsEachSignatureOfALongLivedSignerAfresh() throws Exception {
        TestPki.Entity signer = services.pki().signer("Many Documents", "TEST").issue();
        Path p12 = signer.writePkcs12(dir.resolve("many.p12"), "k", "pw".toCharArray());
        // Four requests per operation: enough for one LT signature, far too few for six in a row.
        VerificationSettings fewRequests = VerificationSettings.builder().trust(List.of(services.pki().root()))
                .network(new NetworkPolicy(Set.of(), true, 4, NetworkPolicy.DEFAULT_MAX_TIME)).offline(false).build();
        int before = services.hits("/ocsp");
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, r -> "pw".toCharArray())) {
            DocumentSigner documentSigner = DocumentSigner.create(source.key(KeySelector.only()),
                    SignatureOptions.builder().level(Level.LT).build(), new SigningServices(tsa(services.tsaUrl()), fewRequests));
            for (int i = 0; i < 6; i++) {
                Path input = pdf();
                assertTrue(documentSigner.sign(input, DocumentSigner.defaultOutput(input), false).level().endsWith("LT"));
            }
        }
        assertTrue(services.hits("/ocsp") - before >= 6, "each signature asked for a fresh OCSP answer");
    }

    @Test
    void signatureMadeAfterRevocationIsInvalid() throws Exception {
        TestPki.Entity signer = services.pki().signer("Revoked Before", "TEST").issue();
        services.pki().revoke(signer.certificate(), Instant.now().minusSeconds(60));
        SignOutcome outcome = sign(signer, Level.T, tsa(services.tsaUrl()), pdf());
        SignatureReport report = verify(outcome.output());
        assertEquals(Verdict.INVALID, report.verdict(), report.toString());
        assertEquals("REVOKED", report.revocation().status());
        assertTrue(String.join(" ", Words.ENGLISH.texts(report.reasons())).contains("revoked"), report.reasons().toString());
    }

    @Test
    void longTermSignatureMadeBeforeRevocationStaysValid() throws Exception {
        TestPki.Entity signer = services.pki().signer("Revoked After", "TEST").issue();
        SignOutcome outcome = sign(signer, Level.LT, tsa(services.tsaUrl()), pdf());
        SignOutcome basic = sign(signer, Level.B, null, pdf());
        // Revoked a second after the timestamp, and judged an hour later, when the revocation is in
        // force: the signature without a timestamp has nothing to prove it came first.
        Instant revocation = Instant.now().plusSeconds(1);
        services.pki().revoke(signer.certificate(), revocation);
        Instant later = revocation.plus(Duration.ofHours(1));
        assertNotEquals(Verdict.VALID, verifyAt(basic.output(), later).verdict());
        SignatureReport report = verifyAt(outcome.output(), later);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertFalse(report.timestamps().isEmpty());
        assertTrue(report.bestSignatureTime().isBefore(services.pki().revocationTime(signer.certificate().getSerialNumber())));
    }

    @Test
    void expiredCertificateInvalidatesBasicSignatureButNotArchivedOne() throws Exception {
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        TestPki.Entity signer = services.pki().signer("Soon Expired", "TEST")
                .valid(Instant.now().minus(Duration.ofDays(1)), expiry).issue();
        SignOutcome basic = sign(signer, Level.B, null, pdf());
        SignOutcome archived = sign(signer, Level.LTA, tsa(services.tsaUrl()), pdf());
        Instant afterExpiry = expiry.plus(Duration.ofMinutes(1));
        assertEquals(Verdict.VALID, verify(basic.output()).verdict(), "valid before the certificate expires");
        assertNotEquals(Verdict.VALID, verifyAt(basic.output(), afterExpiry).verdict());
        SignatureReport lta = verifyAt(archived.output(), afterExpiry);
        assertEquals(Verdict.VALID, lta.verdict(), lta.toString());
        assertTrue(lta.level().endsWith("LTA"), lta.level());
    }

    @Test
    void failsOverToTheSecondTsaAndSaysWhichWasUsed() throws Exception {
        TestPki.Entity signer = services.pki().signer("Failover", "TEST").issue();
        SignOutcome outcome = sign(signer, Level.T, tsa(services.failingTsaUrl(), services.tsaUrl()), pdf());
        assertEquals(List.of(URI.create(services.tsaUrl())), outcome.timestampAuthorities());
        assertEquals(Verdict.VALID, verify(outcome.output()).verdict());
    }

    @Test
    void bothTsasDownWritesNothingAndSaysWhatEachAnswered() throws Exception {
        TestPki.Entity signer = services.pki().signer("No TSA", "TEST").issue();
        Path input = pdf();
        SignerException e = assertThrows(SignerException.class,
                () -> sign(signer, Level.T, tsa(services.failingTsaUrl(), "http://127.0.0.1:1/tsa"), input));
        assertEquals(ErrorCode.TIMESTAMP_FAILED, e.code());
        assertTrue(e.getMessage().contains(services.failingTsaUrl()) && e.getMessage().contains("503"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(Files.exists(DocumentSigner.defaultOutput(input)));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(vn.signer.files.AtomicOutput::isTemporary));
        }
    }

    @Test
    void extendsBasicToLtThenLtaAndRenewsTheArchiveTimestamp() throws Exception {
        TestPki.Entity signer = services.pki().signer("Extended Later", "TEST").issue();
        SignOutcome basic = sign(signer, Level.B, null, pdf());
        SigningServices longTerm = new SigningServices(tsa(services.tsaUrl()), trust());
        DocumentExtender toLt = DocumentExtender.create(Level.LT, longTerm);
        SignOutcome lt = toLt.extend(basic.output(), toLt.defaultOutput(basic.output()), false);
        assertTrue(verify(lt.output()).level().endsWith("-LT"));
        DocumentExtender toLta = DocumentExtender.create(Level.LTA, longTerm);
        SignOutcome lta = toLta.extend(lt.output(), toLta.defaultOutput(lt.output()), false);
        SignatureReport first = verify(lta.output());
        assertEquals(Verdict.VALID, first.verdict(), first.toString());
        SignOutcome renewed = toLta.extend(lta.output(), dir.resolve("renewed.pdf"), false);
        SignatureReport second = verify(renewed.output());
        assertEquals(Verdict.VALID, second.verdict(), second.toString());
        assertTrue(second.timestamps().size() > first.timestamps().size(), second.timestamps() + " vs " + first.timestamps());
    }

    @Test
    void ocspFromOpenSslsOwnResponderIsUsedAndReported() throws Exception {
        TestPki.Entity good = services.pki().signer("Checked By OpenSSL", "TEST").issue();
        TestPki.Entity revoked = services.pki().signer("Revoked For OpenSSL", "TEST").issue();
        SignOutcome goodSigned = sign(good, Level.T, tsa(services.tsaUrl()), pdf());
        SignOutcome revokedSigned = sign(revoked, Level.T, tsa(services.tsaUrl()), pdf());
        services.pki().revoke(revoked.certificate(), Instant.now().minus(Duration.ofDays(2)));
        try (OpenSslOcspResponder openssl = OpenSslOcspResponder.start(services.pki(),
                List.of(good.certificate(), revoked.certificate()), dir.resolve("openssl-ocsp"))) {
            services.delegateOcspTo(openssl.url());
            SignatureReport ok = verify(goodSigned.output());
            assertEquals("OCSP", ok.revocation().type(), ok.revocation().toString());
            assertEquals("GOOD", ok.revocation().status());
            assertEquals(Verdict.VALID, ok.verdict(), ok.toString());
            SignatureReport bad = verify(revokedSigned.output());
            assertEquals("REVOKED", bad.revocation().status(), bad.toString());
            assertEquals(Verdict.INVALID, bad.verdict(), bad.toString());
        } finally {
            services.delegateOcspTo(null);
        }
    }
}
