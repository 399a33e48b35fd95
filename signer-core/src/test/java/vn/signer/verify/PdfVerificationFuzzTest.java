package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes PDF verification from the seeds in {@code PdfVerificationFuzzTestInputs/verify} (the demo
 * signatures on a tiny page and on the sample letter, one and two signatures, unsigned, changed after
 * signing). In a normal test run it replays the seeds; {@code bench/fuzz.sh} fuzzes it.
 * Any input must end in a report or a BAD_INPUT/VERIFICATION_FAILED refusal, and may be VALID only
 * when every byte a signature covers is that of a VALID seed: the bytes no signature covers (the
 * hex of the signature values) may change, anything else may not.
 */
@Tag("fuzz")
class PdfVerificationFuzzTest {
    /** Each signature's {@code /ByteRange [a b c d]}: it covers [a, a+b) and [c, c+d). */
    private static final Pattern BYTE_RANGE =
            Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

    private static DocumentVerifier verifier;
    private static List<SignedPdf> validSeeds;

    @BeforeAll
    static void verifySeeds() {
        verifier = FuzzVerification.demoVerifier();
        validSeeds = FuzzVerification.validSeeds(verifier, PdfVerificationFuzzTest.class, "verify", SignedPdf::of);
    }

    @FuzzTest(maxDuration = "5s")
    void verify(byte[] input) {
        FuzzVerification.verify(verifier, "fuzz.pdf", input)
                .filter(report -> report.verdict() == Verdict.VALID)
                .ifPresent(report -> assertTrue(validSeeds.stream().anyMatch(seed -> seed.signsTheSameAs(input)),
                        "VALID, but what its signatures cover is not what a VALID seed's cover"));
    }

    /** A VALID seed and the bytes none of its signatures covers. */
    private record SignedPdf(byte[] bytes, BitSet covered) {
        static SignedPdf of(byte[] pdf) {
            BitSet covered = new BitSet(pdf.length);
            Matcher range = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
            while (range.find()) {
                int a = Integer.parseInt(range.group(1));
                int c = Integer.parseInt(range.group(3));
                covered.set(a, a + Integer.parseInt(range.group(2)));
                covered.set(c, c + Integer.parseInt(range.group(4)));
            }
            return new SignedPdf(pdf, covered);
        }

        boolean signsTheSameAs(byte[] other) {
            if (other.length != bytes.length) {
                return false;
            }
            for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
                if (other[i] != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
