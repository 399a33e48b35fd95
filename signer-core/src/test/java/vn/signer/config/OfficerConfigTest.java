package vn.signer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.appearance.AppearanceMode;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.TokenSelector;
import vn.signer.sign.Level;
import vn.signer.testing.Tools;

/** The officer's configuration file: what it holds, and the file, line and key of what is wrong in it. */
class OfficerConfigTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;

    @Test
    void theSampleHoldsTheDemoProfilesAndTheAgent() {
        Path sample = Tools.sample("officer-config.yaml");
        OfficerConfig config = OfficerConfig.load(sample);
        assertEquals(List.of("demo", "demo-seal", "token"), List.copyOf(config.profiles().keySet()));
        OfficerProfile demo = config.profile("demo", sample);
        KeySourceSpec.Pkcs12 p12 = assertInstanceOf(KeySourceSpec.Pkcs12.class, demo.store(1));
        assertEquals(Tools.sample("demo-pki/officer.p12").toAbsolutePath().normalize(), p12.file().toAbsolutePath().normalize());
        assertTrue(Files.isRegularFile(p12.file()), p12.toString());
        assertEquals(AppearanceMode.PERSONAL, demo.appearance().mode());
        assertTrue(Files.isRegularFile(demo.path(demo.appearance().image())));
        assertEquals(Level.B, demo.level());
        assertTrue(Files.isRegularFile(demo.trustPaths().get(0)));
        OfficerProfile token = config.profile("token", sample);
        KeySourceSpec.Pkcs11 p11 = assertInstanceOf(KeySourceSpec.Pkcs11.class, token.store(2));
        assertEquals(TokenSelector.label("signer-demo"), p11.token());
        assertEquals(2, p11.parallelSignatures());
        assertEquals(KeySelector.label("officer"), token.keySelector());
        assertEquals(List.of(URI.create("http://127.0.0.1:8318/")), token.tsa());
        assertEquals(new AgentSettings(List.of(URI.create("https://eoffice.example.gov.vn")), 8987, 10, "demo"), config.agent());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsFileLineAndTheKeysThereAre() throws Exception {
        Path file = write("""
                profiles:
                  demo:
                    pkcs12: officer.p12
                    levle: B
                """);
        SignerException e = assertThrows(SignerException.class, () -> OfficerConfig.load(file));
        assertEquals(ErrorCode.USAGE, e.code());
        assertEquals("config.unknownKey", e.problem().key());
        assertEquals(List.of(file.toString(), 4, "levle", "profiles.demo.levle"), e.problem().facts().subList(0, 4));
        assertTrue(e.problem().hint(Locale.ROOT).contains("level") && e.problem().hint(Locale.ROOT).contains("appearance"),
                e.problem().hint(Locale.ROOT));
        String vi = e.problem().message(VI);
        assertEquals(file + ", dòng 4: khóa cấu hình 'levle' không được biết, tại profiles.demo.levle", vi);
    }

    @Test
    void aPinOrPasswordIsRefusedSayingWherePinsComeFromAndNeverQuotingIt() throws Exception {
        for (String secret : List.of("    pin: 123456\n", "    pinFile: pin.txt\n", "    password: s3cr3t-123456\n")) {
            Path file = write("profiles:\n  demo:\n    pkcs12: officer.p12\n" + secret);
            SignerException e = assertThrows(SignerException.class, () -> OfficerConfig.load(file));
            assertEquals(ErrorCode.USAGE, e.code());
            assertEquals("officer.secret", e.problem().key());
            assertEquals(4, e.problem().facts().get(1));
            String en = e.problem().oneLine(Locale.ROOT);
            String vi = e.problem().oneLine(VI);
            assertTrue(en.contains("does not belong in the configuration file") && en.contains("the token asks for its PIN"), en);
            assertTrue(vi.contains("không được đặt trong tệp cấu hình") && vi.contains("thiết bị ký sẽ hỏi mã PIN"), vi);
            assertFalse(en.contains("123456") || vi.contains("123456"), en);
        }
    }

    @Test
    void wrongValuesAreRefusedOnTheirLineInTheReadersLanguage() throws Exception {
        Map<String, String> refused = Map.of(
                "profiles:\n  demo:\n    pkcs12: a.p12\n    key: {id: zz}\n", "key.id: 'zz' không phải số thập lục phân",
                "profiles:\n  demo:\n    pkcs12: a.p12\n    pkcs11: {module: m.so}\n", "hãy cho pkcs12 hoặc pkcs11, không cho cả hai",
                "profiles:\n  demo:\n    pkcs12: a.p12\nagent:\n  origins: [http://eoffice.example.gov.vn]\n",
                "agent.origins: 'http://eoffice.example.gov.vn' không phải địa chỉ gốc",
                "profiles:\n  demo:\n    pkcs12: a.p12\nagent:\n  profile: nope\n", "agent.profile: không có hồ sơ ký 'nope'; các hồ sơ có trong tệp: demo",
                "profiles:\n  demo:\n    level: Z\n", "giá trị ở đó không hợp lệ; bộ đọc YAML báo bằng tiếng Anh");
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            Path file = write(entry.getKey());
            SignerException e = assertThrows(SignerException.class, () -> OfficerConfig.load(file), entry.getKey());
            assertEquals(ErrorCode.USAGE, e.code());
            String vi = e.problem().message(VI);
            assertTrue(vi.startsWith(file + ", dòng ") && vi.contains(entry.getValue()), vi);
        }
    }

    @Test
    void aProfileNotThereNamesTheProfilesThereAre() throws Exception {
        Path file = write("profiles:\n  demo:\n    pkcs12: a.p12\n  seal:\n    pkcs12: b.p12\n");
        SignerException e = assertThrows(SignerException.class, () -> OfficerConfig.load(file).profile("dmeo", file));
        assertEquals(file + ": không có hồ sơ ký 'dmeo'; các hồ sơ có trong tệp: demo, seal", e.problem().message(VI));
    }

    @Test
    void theFileIsLookedForWhereEachSystemKeepsAUsersConfiguration() {
        Path given = Path.of("/tmp/given.yaml");
        assertEquals(new ConfigLocation(given, ConfigLocation.Origin.GIVEN),
                ConfigLocation.find(given, Map.of("SIGNER_CONFIG", "/etc/x.yaml"), "Linux", "/home/a"));
        assertEquals(new ConfigLocation(Path.of("/etc/x.yaml"), ConfigLocation.Origin.VARIABLE),
                ConfigLocation.find(null, Map.of("SIGNER_CONFIG", "/etc/x.yaml"), "Linux", "/home/a"));
        assertEquals(Path.of("/xdg/signer/config.yaml"), ConfigLocation.find(null, Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/a").file());
        assertEquals(Path.of("/home/a/.config/signer/config.yaml"), ConfigLocation.find(null, Map.of(), "Linux", "/home/a").file());
        assertEquals(Path.of("/home/a/.config/signer/config.yaml"),
                ConfigLocation.find(null, Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/a").file());
        assertEquals(Path.of("/Users/a/Library/Application Support/signer/config.yaml"),
                ConfigLocation.find(null, Map.of(), "Mac OS X", "/Users/a").file());
        ConfigLocation windows = ConfigLocation.find(null, Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11", "C:\\Users\\a");
        assertEquals(Path.of("C:\\Users\\a\\AppData\\Roaming", "signer", "config.yaml"), windows.file());
        assertEquals(ConfigLocation.Origin.USER_FOLDER, windows.origin());
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }
}
