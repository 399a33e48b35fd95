package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.SigningKey;
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

    private VerificationSettings trust() {
        return VerificationSettings.builder().trust(List.of(services.pki().root())).build();
    }

    @ParameterizedTest
    @CsvSource({"cong-van-mau.pdf,T", "cong-van-mau.pdf,LT", "cong-van-mau.pdf,LTA",
        "thong-tin-ho-so.xml,T", "thong-tin-ho-so.xml,LT", "thong-tin-ho-so.xml,LTA"})
    void signsAtEveryLevelAndVerifiesValid(String sample, Level level) throws Exception {
        Path input = Files.copy(Tools.sample("documents/" + sample), dir.resolve(sample));
        Path p12 = signer.writePkcs12(dir.resolve("k.p12"), "k", "pw".toCharArray());
        TimestampAuthorities tsa = TimestampAuthorities.create(TsaSettings.of(List.of(URI.create(services.tsaUrl()))));
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, r -> "pw".toCharArray())) {
            SigningKey key = source.key(KeySelector.only());
            DocumentSigner documentSigner = DocumentSigner.create(key, SignatureOptions.builder().level(level).build(),
                    new SigningServices(tsa, trust()));
            SignOutcome outcome = documentSigner.sign(input, DocumentSigner.defaultOutput(input), false);
            assertEquals(List.of(URI.create(services.tsaUrl())), outcome.timestampAuthorities());
            VerificationReport report = DocumentVerifier.create(trust()).verify(outcome.output());
            SignatureReport signature = report.signatures().get(0);
            assertEquals(Verdict.VALID, report.verdict(), report.toString());
            assertTrue(signature.level().endsWith("-" + level), signature.level());
        }
    }
}
