package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.report.Json;
import vn.signer.report.ReportText;
import vn.signer.testing.DemoPki;
import vn.signer.testing.FuzzSeeds;

/**
 * What the verification harnesses require of any input: a report that the CLI and the server can
 * print (text in both languages, JSON), or a SignerException saying the input is bad or could not be
 * verified, with a message. Anything else thrown fails the harness, which is the finding.
 */
final class FuzzVerification {
    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.BAD_INPUT, ErrorCode.VERIFICATION_FAILED);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /**
     * The longest a verification may take. JUnit's @Timeout would also bound the whole fuzzing run
     * (Jazzer runs it as one invocation), so the time is checked after each input instead.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    private FuzzVerification() {
    }

    /** Verifies with the demo trust settings, as the harnesses do. */
    static DocumentVerifier demoVerifier() {
        return DocumentVerifier.create(DemoPki.settings());
    }

    /**
     * The VALID seeds of {@code test}'s fuzz test {@code method}, each as {@code signed} makes it (what
     * the harness compares VALID inputs with). A seed must be VALID exactly when its file name starts
     * with "valid-", and one must be: without it the fuzzer never reaches the signature checks.
     */
    static <T> List<T> validSeeds(DocumentVerifier verifier, Class<?> test, String method, Function<byte[], T> signed) {
        List<T> valid = new ArrayList<>();
        for (Path seed : FuzzSeeds.of(test, method)) {
            byte[] bytes = FuzzSeeds.read(seed);
            String name = seed.getFileName().toString();
            boolean isValid = verify(verifier, name, bytes).filter(report -> report.verdict() == Verdict.VALID).isPresent();
            assertTrue(isValid == name.startsWith("valid-"), () -> seed + ": a seed is VALID exactly when its name says so");
            if (isValid) {
                valid.add(signed.apply(bytes));
            }
        }
        assertFalse(valid.isEmpty(), "without a VALID seed the fuzzer never reaches the signature checks");
        return valid;
    }

    /** The report of {@code input}, or empty when it was refused as it should be. */
    static Optional<VerificationReport> verify(DocumentVerifier verifier, String name, byte[] input) {
        VerificationReport report;
        long start = System.nanoTime();
        try {
            report = verifier.verify(name, input);
        } catch (SignerException e) {
            assertInTime(start);
            assertTrue(REFUSALS.contains(e.code()), () -> "refused with " + e.code() + ": " + e.getMessage());
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a message");
            return Optional.empty();
        }
        assertInTime(start);
        assertNotNull(report.verdict());
        assertNotNull(ReportText.render(report, Locale.ROOT));
        assertNotNull(ReportText.render(report, VIETNAMESE));
        assertNotNull(Json.line(report));
        return Optional.of(report);
    }

    private static void assertInTime(long start) {
        Duration taken = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(taken.compareTo(TIME_LIMIT) <= 0, () -> "took " + taken + ", over " + TIME_LIMIT);
    }
}
