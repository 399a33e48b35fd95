package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Option values core would refuse (a key id that is not hex, a negative slot) are usage errors, exit 64,
 * one line in the user's language naming the option: never "internal error", never after a PIN prompt.
 */
class OptionValuesTest {
    private static final List<List<String>> REFUSED = List.of(
            List.of("--key-id", "zz"),
            List.of("--cert-sha256", "ab:cd"),
            List.of("--slot", "-1"),
            List.of("--token-parallel", "0"));

    @Test
    void aRefusedValueIsAUsageErrorInTheUsersLanguage() {
        Map<String, String> start = Map.of("en_GB.UTF-8", "signer: ", "vi_VN.UTF-8", "signer: sai cách dùng: ");
        Map<String, String> isNot = Map.of("en_GB.UTF-8", "' is not ", "vi_VN.UTF-8", "' không phải ");
        for (String lang : start.keySet()) {
            for (List<String> option : REFUSED) {
                Cli.Run run = Cli.run(Map.of("LANG", lang), sign(option));
                assertEquals(64, run.exit(), run.toString());
                assertEquals(1, run.errLines().size(), run.toString());
                assertTrue(run.err().startsWith(start.get(lang) + option.get(0) + ": '" + option.get(1) + isNot.get(lang)),
                        run.toString());
                assertFalse(run.err().contains("internal error"), run.toString());
            }
        }
    }

    @Test
    void goodValuesStillPass() {
        // A well-formed fingerprint of no certificate in the demo key file: accepted, then not found (78).
        Cli.Run run = Cli.run(args("sign", Cli.demoP12(), "--cert-sha256", "00:".repeat(31) + "00", Cli.SAMPLE_PDF));
        assertEquals(78, run.exit(), run.toString());
    }

    private static String[] sign(List<String> option) {
        String store = option.get(0).startsWith("--key") || option.get(0).startsWith("--cert") ? "--pkcs12" : "--pkcs11";
        return args("sign", store, "whatever", "--pin-env", "NO_SUCH_PIN", option, Cli.SAMPLE_PDF);
    }
}
