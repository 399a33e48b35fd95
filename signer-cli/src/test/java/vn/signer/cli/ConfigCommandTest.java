package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Tools;

/**
 * 'signer config check|path' and 'signer sign --profile': the officer's configuration file, read as the
 * agent reads it, with the command line's options winning over a profile's values.
 */
class ConfigCommandTest {
    private static final Path SAMPLE = Tools.sample("officer-config.yaml");
    private static final Map<String, String> VIETNAMESE = Map.of("LANG", "vi_VN.UTF-8");

    @TempDir
    Path dir;

    @Test
    void checkListsTheSamplesProfilesInEnglishAndVietnamese() {
        Cli.Run en = Cli.run("config", "check", "--config", SAMPLE.toString());
        assertEquals(0, en.exit(), en.toString());
        assertEquals(List.of(SAMPLE + ": right; 3 profile(s)",
                "  profile 'demo': key file " + SAMPLE.resolveSibling("demo-pki/officer.p12")
                        + "; level B; appearance personal; 1 trust anchor file(s) or folder(s); 0 TSA(s)",
                "  profile 'demo-seal': key file " + SAMPLE.resolveSibling("demo-pki/organisation.p12")
                        + "; level B; appearance organisation; 1 trust anchor file(s) or folder(s); 0 TSA(s)",
                "  profile 'token': PKCS#11 module /usr/lib/softhsm/libsofthsm2.so, token label 'signer-demo', key label 'officer'"
                        + "; level T; appearance none (invisible); 0 trust anchor file(s) or folder(s); 1 TSA(s)",
                "  agent: origins https://eoffice.example.gov.vn; port 8987; stays logged in 10 min; profile demo"), en.outLines());
        Cli.Run vi = Cli.run(VIETNAMESE, "config", "check", "--config", SAMPLE.toString());
        assertEquals(0, vi.exit(), vi.toString());
        assertEquals(SAMPLE + ": đúng; 3 hồ sơ ký", vi.outLines().get(0));
        assertTrue(vi.out().contains("hồ sơ 'token': mô-đun PKCS#11 /usr/lib/softhsm/libsofthsm2.so, nhãn thiết bị ký 'signer-demo', "
                + "nhãn khóa 'officer'; mức T; hình thức không hiển thị"), vi.toString());
        assertTrue(vi.out().contains("chương trình ký (agent): địa chỉ được phép https://eoffice.example.gov.vn; cổng 8987; "
                + "giữ đăng nhập 10 phút; hồ sơ demo"), vi.toString());
    }

    @Test
    void checkSaysWhatIsWrongWithTheLineInBothLanguages() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), "profiles:\n  demo:\n    pkcs12: a.p12\n    pin: 123456\n");
        Cli.Run en = Cli.run("config", "check", "--config", file.toString());
        assertEquals(64, en.exit(), en.toString());
        assertEquals(List.of("signer: " + file + ", line 4: 'pin': a PIN or password does not belong in the configuration file"
                + " — remove it: signer asks for the PIN when you sign; unattended runs take it from --pin-env VAR or --pin-file FILE"),
                en.errLines());
        Cli.Run vi = Cli.run(VIETNAMESE, "config", "check", "--config", file.toString());
        assertEquals(List.of("signer: lỗi: " + file + ", dòng 4: 'pin': mã PIN hay mật khẩu không được đặt trong tệp cấu hình"
                + " — hãy xóa nó đi: signer hỏi mã PIN khi ký; khi chạy tự động, mã PIN lấy từ --pin-env BIẾN hoặc --pin-file TỆP"),
                vi.errLines());
        assertFalse(en.err().contains("123456") || vi.err().contains("123456"));
        Files.writeString(file, "profiles:\n  demo:\n    pkcs12: a.p12\n    apperance: {mode: personal}\n");
        Cli.Run unknown = Cli.run(VIETNAMESE, "config", "check", "--config", file.toString());
        assertEquals(64, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().startsWith("signer: lỗi: " + file + ", dòng 4: khóa cấu hình 'apperance' không được biết"), unknown.toString());
        Cli.Run missing = Cli.run("config", "check", "--config", dir.resolve("none.yaml").toString());
        assertEquals(66, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("'signer config path' says where signer looks"), missing.toString());
    }

    @Test
    void pathSaysWhereSignerLooksAndWhy() {
        Cli.Run named = Cli.run(Map.of("SIGNER_CONFIG", SAMPLE.toString()), "config", "path");
        assertEquals(List.of(SAMPLE.toString(), "named by SIGNER_CONFIG; the file is there"), named.outLines());
        Cli.Run xdg = Cli.run(Map.of("XDG_CONFIG_HOME", dir.toString(), "LANG", "vi_VN.UTF-8"), "config", "path");
        assertEquals(List.of(dir.resolve("signer/config.yaml").toString(),
                "thư mục cấu hình của người dùng (--config TỆP hoặc biến SIGNER_CONFIG chọn tệp khác); chưa có tệp ở đó"), xdg.outLines());
    }

    @Test
    void signWithTheDemoProfileMakesAVisiblePersonalSignatureThatVerifiesWithTheProfilesTrust() throws Exception {
        Path input = Cli.copy(Cli.SAMPLE_PDF, dir);
        Map<String, String> environment = Map.of("SIGNER_CONFIG", SAMPLE.toString());
        Cli.Run sign = Cli.run(environment, args("sign", "--profile", "demo", "--pin-file", Cli.DEMO_PASSWORD, input));
        assertEquals(0, sign.exit(), sign.toString());
        Path signed = dir.resolve("cong-van-mau-signed.pdf");
        Cli.Run verify = Cli.run(environment, args("verify", "--profile", "demo", "--crl", Cli.ROOT_CRL, "--crl", Cli.ISSUING_CRL,
                "--offline", "--json", signed));
        assertEquals(0, verify.exit(), verify.toString());
        String report = verify.out();
        assertTrue(report.contains("Đặng Thị Phượng") && report.contains("\"verdict\":\"VALID\""), report);
        // The profile's personal appearance: a visible signature, the image above the signer's name.
        try (PDDocument pdf = Loader.loadPDF(signed.toFile())) {
            PDRectangle box = pdf.getDocumentCatalog().getAcroForm().getField("Signature1").getWidgets().get(0).getRectangle();
            assertTrue(box.getWidth() > 0 && box.getHeight() > 0, box.toString());
        }
        // Without the profile's trust anchor, the same signature is not VALID: the trust came from the profile.
        Cli.Run untrusted = Cli.run(args("verify", "--crl", Cli.ROOT_CRL, "--crl", Cli.ISSUING_CRL, "--offline", signed));
        assertEquals(2, untrusted.exit(), untrusted.toString());
    }

    @Test
    void optionsGivenOnTheCommandLineWinOverTheProfiles() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), "profiles:\n  seal:\n    pkcs12: " + Cli.ORGANISATION_P12
                + "\n    level: T\n");
        Path input = Cli.copy(Cli.SAMPLE_PDF, dir);
        // The profile's level T needs a TSA it does not name: refused before anything is signed.
        Cli.Run profiles = Cli.run(args("sign", "--config", config, "--profile", "seal", "--pin-file", Cli.DEMO_PASSWORD, input));
        assertEquals(64, profiles.exit(), profiles.toString());
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));
        // --level and --pkcs12 given here win: level B, signed by the officer, not the organisation.
        Cli.Run ours = Cli.run(args("sign", "--config", config, "--profile", "seal", "--level", "B", "--pkcs12", Cli.OFFICER_P12,
                "--pin-file", Cli.DEMO_PASSWORD, input));
        assertEquals(0, ours.exit(), ours.toString());
        Cli.Run verify = Cli.run(args("verify", Cli.demoTrust(), "--json", dir.resolve("cong-van-mau-signed.pdf")));
        assertTrue(verify.out().contains("Đặng Thị Phượng") && !verify.out().contains("CN=Sở Khoa học"), verify.toString());
    }
}
