package vn.signer.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.Tools;

/** A key or token choice core would refuse is a one-line configuration error naming the key, read with the file;
 * pkcs11.parallel: how many signatures an HSM profile's device is given at once, as the CLI's --token-parallel. */
class ProfileConfigTest {
    @TempDir
    Path dir;

    @Test
    void aKeyIdThatIsNotHexIsAConfigurationErrorNamingTheKey() throws IOException {
        assertRefused(withProfileLine("    key: {id: zz}\n"), "key.id", "'zz'");
        assertRefused(withProfileLine("    key: {certificateSha256: abcd}\n"), "key.certificateSha256", "'abcd'");
    }

    @Test
    void aNegativeSlotIsAConfigurationErrorNamingTheKey() throws IOException {
        String token = "    pkcs11: {module: /usr/lib/softhsm/libsofthsm2.so, slotIndex: -1}\n";
        String yaml = Files.readString(Tools.sample("server.yaml"))
                .replace("    pkcs12:\n      file: demo-pki/organisation.p12\n", token);
        assertTrue(yaml.contains(token), "the sample configuration changed: " + yaml);
        assertRefused(yaml, "pkcs11.slotIndex", "-1");
    }

    @Test
    void aWellFormedKeyIdIsRead() throws IOException {
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, withProfileLine("    key: {id: '01:0A'}\n"));
        assertEquals("01:0A", ServerConfig.load(file).profiles().get("organisation").key().id());
    }

    /** The sample configuration with {@code line} added to its signing profile. */
    private static String withProfileLine(String line) throws IOException {
        String sample = Files.readString(Tools.sample("server.yaml"));
        assertTrue(sample.contains("    level: B\n"), "the sample configuration changed: " + sample);
        return sample.replace("    level: B\n", line + "    level: B\n");
    }

    private void assertRefused(String yaml, String key, String value) throws IOException {
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, yaml);
        SignerException e = assertThrows(SignerException.class, () -> ServerConfig.load(file));
        assertEquals(ErrorCode.USAGE, e.code());
        assertEquals(1, e.oneLine().lines().count(), e.oneLine());
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(value), e.getMessage());
    }

    private ServerConfig load(String parallel) throws IOException {
        return ServerConfig.load(Files.writeString(dir.resolve("server.yaml"), """
                host: 127.0.0.1
                port: 0
                plainHttp: true
                audit: {file: audit.jsonl}
                profiles:
                  hsm:
                    pkcs11:
                      module: /usr/lib/softhsm/libsofthsm2.so
                """ + parallel + """
                    pin: {env: HSM_PIN}
                """));
    }

    @Test
    void parallelIsOneUnlessSaidAndRefusedBelowOne() throws IOException {
        assertEquals(1, load("").profiles().get("hsm").pkcs11().parallel());
        assertEquals(8, load("      parallel: 8\n").profiles().get("hsm").pkcs11().parallel());
        SignerException e = assertThrows(SignerException.class, () -> load("      parallel: 0\n"));
        assertEquals(ErrorCode.USAGE, e.code());
        assertTrue(e.getMessage().contains("pkcs11.parallel") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
