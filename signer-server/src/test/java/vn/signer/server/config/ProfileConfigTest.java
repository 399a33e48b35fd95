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

/** pkcs11.parallel: how many signatures an HSM profile's device is given at once, as the CLI's --token-parallel. */
class ProfileConfigTest {
    @TempDir
    Path dir;

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
