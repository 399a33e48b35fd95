package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.signer.certs.CertificateSummary;
import vn.signer.testing.SoftHsm;

/** 'signer keys' on the demo PKCS#12 file and on a SoftHSM2 module holding two tokens. */
@Tag("native")
class KeysCommandTest {
    private final SoftHsm hsm = SoftHsm.token();

    @Test
    void listsTheKeyOfAPkcs12File() {
        Cli.Run run = Cli.run(args("keys", Cli.demoP12()));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("label 'officer'"), run.toString());
        assertTrue(run.out().contains("Đặng Thị Phượng"), run.toString());
        assertTrue(run.out().contains("sha256:"), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void listsThePkcs12KeyAsJson() {
        Cli.Run run = Cli.run(args("keys", "--json", Cli.demoP12()));
        assertEquals(0, run.exit(), run.toString());
        assertEquals(1, run.json().size(), "one JSON object: " + run);
        JsonNode keys = run.json().get(0).get("keys");
        assertEquals(1, keys.size(), run.toString());
        JsonNode key = keys.get(0);
        assertEquals("officer", key.get("label").asText());
        assertTrue(key.get("id").isNull(), "a PKCS#12 key has no CKA_ID");
        JsonNode cert = key.get("certificate");
        assertEquals("Đặng Thị Phượng", cert.get("commonName").asText());
        assertEquals("Sở Khoa học và Công nghệ tỉnh Sông Lam", cert.get("organization").asText());
        assertTrue(cert.get("sha256").asText().matches("[0-9a-f]{64}"), cert.toString());
        assertEquals("RSA", cert.get("keyAlgorithm").asText());
    }

    @Test
    void withTwoTokensAndNoChoiceListsBothAndAsksNoPin() {
        // No PIN source and no terminal: asking for a PIN would end in exit 77.
        Cli.Run run = Cli.run(Map.of(), "keys", "--pkcs11", hsm.module().toString());
        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.err());
        assertTrue(run.out().contains("'" + SoftHsm.LABEL + "'"), run.toString());
        assertTrue(run.out().contains("'" + SoftHsm.SECOND_LABEL + "'"), run.toString());
        assertTrue(run.out().contains("several tokens: choose one with --token-label"), run.toString());
        assertFalse(run.out().contains("Keys in"), run.toString());

        Cli.Run json = Cli.run(Map.of(), "keys", "--json", "--pkcs11", hsm.module().toString());
        assertEquals(0, json.exit(), json.toString());
        JsonNode listing = json.json().get(0);
        List<String> labels = new ArrayList<>();
        listing.get("tokens").forEach(t -> labels.add(t.get("label").asText()));
        assertTrue(labels.containsAll(List.of(SoftHsm.LABEL, SoftHsm.SECOND_LABEL)), labels.toString());
        assertEquals(0, listing.get("keys").size());
        assertTrue(listing.get("note").asText().contains("several tokens"), listing.toString());
    }

    @Test
    void listsTheKeysOfTheChosenTokenWithTheirIds() {
        Cli.Run run = Cli.run("keys", "--pkcs11", hsm.module().toString(), "--token-label", SoftHsm.LABEL,
                "--pin-file", Cli.TOKEN_PIN.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("label 'officer'  id 01"), run.toString());
        assertTrue(run.out().contains("label 'organisation'  id 02"), run.toString());
        assertTrue(run.out().contains("label '" + SoftHsm.EC_LABEL + "'  id 03"), run.toString());

        Cli.Run json = Cli.run("keys", "--json", "--pkcs11", hsm.module().toString(), "--token-label", SoftHsm.LABEL,
                "--pin-file", Cli.TOKEN_PIN.toString());
        assertEquals(0, json.exit(), json.toString());
        List<String> ids = new ArrayList<>();
        json.json().get(0).get("keys").forEach(k -> ids.add(k.get("label").asText() + "=" + k.get("id").asText()));
        assertEquals(List.of("ec-signer=03", "officer=01", "organisation=02"), ids.stream().sorted().toList());
        String ecSha = CertificateSummary.sha256Hex(hsm.ecSigner().certificate());
        assertTrue(json.out().contains(ecSha), "lists the EC certificate's SHA-256: " + json);
    }

    @Test
    void tokenOptionsWithAPkcs12FileAreAUsageError() {
        Cli.Run run = Cli.run(args("keys", Cli.demoP12(), "--token-label", SoftHsm.LABEL));
        assertEquals(64, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: --slot, --token-label and --token-serial apply to --pkcs11 only"),
                run.toString());
    }
}
