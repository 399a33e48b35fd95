package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.server.config.SecretRef;
import vn.signer.server.config.ServerConfig;

/**
 * The server's configuration errors are keyed problems, said to the operator in Vietnamese or English
 * with the file, the line and the key: none is an English sentence for a Vietnamese reader.
 */
class ServerConfigLanguageTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;

    /** The test servers' valid configuration with {@code valid} replaced by {@code wrong}, refused. */
    private SignerException refused(String valid, String wrong) throws Exception {
        String yaml = TestServers.yaml(dir, true, "", "");
        assertTrue(yaml.contains(valid), yaml);
        Path file = Files.writeString(dir.resolve("server.yaml"), yaml.replace(valid, wrong));
        SignerException e = assertThrows(SignerException.class, () -> ServerConfig.load(file));
        assertEquals(1, Main.inWords(e.problem(), VI).lines().count(), Main.inWords(e.problem(), VI));
        return e;
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineInBothLanguages() throws Exception {
        assertTrue(TestServers.yaml(dir, true, "", "").startsWith("host: 127.0.0.1\nport: 0\nplainHttp: true\n"));
        SignerException e = refused("plainHttp: true\n", "plainHttp: true\nplainHtttp: true\n");
        assertEquals(ErrorCode.USAGE, e.code());
        String file = dir.resolve("server.yaml").toString();
        assertTrue(Main.inWords(e.problem(), Locale.ROOT).startsWith(file + ", line 4: unknown key 'plainHtttp'"), Main.inWords(e.problem(), Locale.ROOT));
        String vi = Main.inWords(e.problem(), VI);
        assertTrue(vi.startsWith(file + ", dòng 4: khóa cấu hình 'plainHtttp' không được biết"), vi);
        assertTrue(vi.contains("plainHttp") && vi.contains("không bao giờ viết trong tệp cấu hình"), vi);
        assertFalse(vi.contains("unknown") || vi.contains("known keys"), vi);
    }

    @Test
    void aRefusedValueIsTheRecordsOwnReasonInTheOperatorsLanguage() throws Exception {
        SignerException port = refused("port: 0\n", "port: 70000\n");
        String vi = Main.inWords(port.problem(), VI);
        assertTrue(vi.contains(": port: hãy cho cổng để lắng nghe (từ 0 đến 65535) — xem định dạng trong samples/server.yaml"), vi);
        assertTrue(port.getMessage().contains("port: give the port to listen on"), port.getMessage());
        SignerException slot = refused("pkcs12: {file: " + vn.signer.testing.Tools.sample("demo-pki") + "/officer.p12}",
                "pkcs11: {module: /nonexistent.so, slotIndex: -1}");
        String slotVi = Main.inWords(slot.problem(), VI);
        assertTrue(slotVi.contains("tại profiles.officer.pkcs11: pkcs11.slotIndex: hãy cho vị trí khe tính từ 0, không phải -1"), slotVi);
        assertFalse(slotVi.contains("give"), slotVi);
    }

    @Test
    void aValueOfTheWrongTypeQuotesTheReaderOnlyAsADetail() throws Exception {
        String vi = Main.inWords(refused("port: 0\n", "port: many\n").problem(), VI);
        assertTrue(vi.contains(", dòng 2: giá trị ở đó không hợp lệ; bộ đọc YAML báo bằng tiếng Anh: \""), vi);
    }

    @Test
    void aMissingFileAndAnUnsetPinVariableAreSaidInVietnamese() throws Exception {
        SignerException missing = assertThrows(SignerException.class, () -> ServerConfig.load(dir.resolve("không-có.yaml")));
        assertEquals(ErrorCode.INPUT_MISSING, missing.code());
        assertTrue(Main.inWords(missing.problem(), VI).endsWith("không-có.yaml: không có tệp cấu hình này — kiểm tra đường dẫn đưa cho --config"),
                Main.inWords(missing.problem(), VI));
        String valid = TestServers.yaml(dir, true, "", "");
        String unset = "SIGNER_TEST_UNSET_" + ProcessHandle.current().pid();
        ServerConfig config = ServerConfig.load(Files.writeString(dir.resolve("valid.yaml"), valid));
        // The TLS key store's password: the profiles' PINs are read by core's key sources, in core's words.
        SignerException e = assertThrows(SignerException.class, () -> new SecretRef(unset, null).read(config));
        assertEquals(ErrorCode.PIN_UNAVAILABLE, e.code());
        assertEquals("biến môi trường " + unset + " chưa được đặt — hãy đặt biến này trước khi khởi động máy chủ", Main.inWords(e.problem(), VI));
    }
}
