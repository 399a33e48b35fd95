package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.parser.XMLParserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes XML verification from the seeds in {@code XmlVerificationFuzzTestInputs/verify} (signer's
 * own XAdES of a tiny record and of samples/documents/thong-tin-ho-so.xml, enveloped and enveloping,
 * unsigned, changed after signing). In a normal test run it replays the seeds; {@code bench/fuzz.sh}
 * fuzzes it. Any input must end in a report or a BAD_INPUT/VERIFICATION_FAILED refusal, and may be
 * VALID only when it is a VALID seed up to what XML signatures leave free: its canonical form
 * (C14N 1.1 without comments) must be a VALID seed's once the parts no signature covers are left out
 * (SignatureValue, KeyInfo, and the attributes of the Signature, Object and QualifyingProperties
 * elements, which wrap what is signed: the first campaign found a changed QualifyingProperties
 * Target still VALID) and whitespace is ignored (base64 may be wrapped anyhow).
 */
@Tag("fuzz")
class XmlVerificationFuzzTest {
    private static final Pattern UNSIGNED =
            Pattern.compile("<(\\w+:)?(SignatureValue|KeyInfo)\\b.*?</\\1\\2>", Pattern.DOTALL);
    private static final Pattern UNSIGNED_ATTRIBUTES =
            Pattern.compile("<((\\w+:)?(Signature|Object|QualifyingProperties))\\b[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static DocumentVerifier verifier;
    private static Set<String> validSeeds;

    @BeforeAll
    static void verifySeeds() {
        Init.init();
        verifier = FuzzVerification.demoVerifier();
        validSeeds = Set.copyOf(FuzzVerification.validSeeds(verifier, XmlVerificationFuzzTest.class, "verify",
                XmlVerificationFuzzTest::signedPart));
    }

    @FuzzTest(maxDuration = "5s")
    void verify(byte[] input) {
        FuzzVerification.verify(verifier, "fuzz.xml", input)
                .filter(report -> report.verdict() == Verdict.VALID)
                .ifPresent(report -> assertTrue(validSeeds.contains(signedPart(input)),
                        "VALID, but it is not a VALID seed up to what signatures leave free"));
    }

    /** The canonical form of {@code xml} without its unsigned parts and whitespace. */
    private static String signedPart(byte[] xml) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        try {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalize(xml, canonical, true);
        } catch (XMLParserException | IOException | InvalidCanonicalizerException | CanonicalizationException e) {
            throw new AssertionError("VALID, but the XML cannot be canonicalised", e);
        }
        String text = UNSIGNED.matcher(canonical.toString(StandardCharsets.UTF_8)).replaceAll("");
        text = UNSIGNED_ATTRIBUTES.matcher(text).replaceAll("<$1>");
        return WHITESPACE.matcher(text).replaceAll("");
    }
}
