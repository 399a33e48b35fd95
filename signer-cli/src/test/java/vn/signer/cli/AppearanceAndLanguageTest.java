package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Pages;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.Tools;
import vn.signer.report.Language;

/**
 * 'signer sign --appearance' as the README's demo runs it (personal on the token, then organisation
 * with the PKCS#12 file), the Decree 30 warning, and signer speaking Vietnamese with --lang vi or a
 * Vietnamese LANG while JSON stays English.
 */
@Tag("native")
class AppearanceAndLanguageTest {
    private static final Map<String, String> VIETNAMESE = Map.of("LANG", "vi_VN.UTF-8");

    @TempDir
    Path dir;

    @Test
    void theTwoSignatureDemoWorksFromTheCommandLineAndVerifiesInVietnamese() {
        Path input = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path personal = dir.resolve("1-ca-nhan.pdf");
        Path issued = dir.resolve("2-ban-hanh.pdf");
        Cli.Run first = Cli.run(Cli.args("sign", "--pkcs11", SoftHsm.token().module(), "--token-label", SoftHsm.LABEL,
                "--key", "officer", "--pin-file", Cli.TOKEN_PIN, "--appearance", "personal",
                "--image", Tools.sample("images/chu-ky-mau.png"), "--anchor", "Đặng Thị Phượng", "-o", personal, input));
        assertEquals(0, first.exit(), first.toString());

        Cli.Run second = Cli.run(Cli.args("sign", "--pkcs12", Cli.ORGANISATION_P12, "--pin-file", Cli.DEMO_PASSWORD,
                "--appearance", "organisation", "--seal", Tools.sample("images/con-dau-mau.png"),
                "--doc-number", "125/SKHCN-VP", "--issued-date", "2026-12-01", "-o", issued, personal));
        assertEquals(0, second.exit(), second.toString());
        assertFalse(second.err().contains("warning"), second.toString());
        assertTrue(Pages.text(issued, 1).contains("Số: 125/SKHCN-VP"));

        Cli.Run verify = Cli.run(VIETNAMESE, Cli.args("verify", Cli.demoTrust(), issued));
        assertEquals(0, verify.exit(), verify.toString());
        assertTrue(verify.out().contains(issued + ": Chữ ký hợp lệ (2 chữ ký)"), verify.toString());
        assertTrue(verify.out().contains("các thay đổi sau chữ ký này nằm trong các phiên bản được ký bởi: Signature2 ("
                + DemoPki.ORGANISATION_NAME + ")"), "the organisation's revision, signed by it, in Vietnamese: " + verify);

        Cli.Run json = Cli.run(VIETNAMESE, Cli.args("verify", "--json", Cli.demoTrust(), issued));
        assertTrue(json.json().get(0).get("verdict").asText().equals("VALID"), json.toString());
    }

    @Test
    void theOrganisationSigningAnUnsignedDocumentIsWarnedInTheUsersLanguage() {
        Path input = Cli.copy(Cli.SAMPLE_PDF, dir);
        List<Object> sealAt = List.of("--appearance", "organisation", "--seal", Tools.sample("images/con-dau-mau.png"),
                "--page", "1", "--x", "120mm", "--y", "40mm");
        Cli.Run english = Cli.run(Cli.args("sign", "--pkcs12", Cli.ORGANISATION_P12, "--pin-file", Cli.DEMO_PASSWORD,
                sealAt, "-o", dir.resolve("en.pdf"), input));
        assertEquals(0, english.exit(), english.toString());
        assertTrue(english.err().contains("warning: " + input + ": the document carries no personal signature"), english.toString());

        Cli.Run vietnamese = Cli.run(Cli.args("sign", "--lang", "vi", "--pkcs12", Cli.ORGANISATION_P12, "--pin-file",
                Cli.DEMO_PASSWORD, sealAt, "-o", dir.resolve("vi.pdf"), input));
        assertEquals(0, vietnamese.exit(), vietnamese.toString());
        assertTrue(vietnamese.err().contains("cảnh báo: " + input + ": văn bản chưa có chữ ký số của người có thẩm quyền"),
                vietnamese.toString());
    }

    @Test
    void commonErrorsAndHelpAreInVietnamese() throws IOException {
        Path missing = dir.resolve("khong-co.pdf");
        Cli.Run run = Cli.run(VIETNAMESE, Cli.args("verify", Cli.demoTrust(), missing));
        assertEquals(ExitCodes.NO_INPUT, run.exit(), run.toString());
        assertEquals("signer: lỗi: " + missing + ": không tìm thấy tệp — kiểm tra lại đường dẫn", run.err().strip());

        Path input = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path taken = dir.resolve("taken.pdf");
        Files.writeString(taken, "an earlier output");
        Cli.Run exists = Cli.run(Cli.args("sign", "--lang", "vi", Cli.demoP12(), "-o", taken, input));
        assertTrue(exists.err().contains("tệp kết quả đã tồn tại"), exists.toString());

        Cli.Run wrongPassword = Cli.run(Map.of("P", "sai-mat-khau"),
                Cli.args("sign", "--lang", "vi", "--pkcs12", Cli.OFFICER_P12, "--pin-env", "P", input));
        assertEquals(ExitCodes.NO_PERMISSION, wrongPassword.exit(), wrongPassword.toString());
        assertTrue(wrongPassword.err().contains("mã PIN hoặc mật khẩu không đúng"), wrongPassword.toString());

        Cli.Run help = Cli.run(VIETNAMESE, "sign", "--help");
        assertTrue(help.out().contains("Ký số từng FILE") && help.out().contains("Tùy chọn:"), help.toString());
        Cli.Run english = Cli.run(Map.of("LANG", "vi_VN.UTF-8"), "sign", "--lang", "en", "--help");
        assertTrue(english.out().contains("Signs each FILE"), english.toString());
    }

    @Test
    void theLanguageIsTheCallersWhenTheLauncherReplacedLcAll() {
        Path missing = dir.resolve("khong-co.pdf");
        Cli.Run run = Cli.run(Map.of("LC_ALL", "C.UTF-8", Language.CALLER_LC_ALL, "vi_VN.UTF-8"),
                Cli.args("verify", Cli.demoTrust(), missing));
        assertEquals(List.of("signer: lỗi: " + missing + ": không tìm thấy tệp — kiểm tra lại đường dẫn"), run.errLines());
        Cli.Run unset = Cli.run(Map.of("LC_ALL", "C.UTF-8", Language.CALLER_LC_ALL, "", "LANG", "vi_VN.UTF-8"),
                Cli.args("verify", Cli.demoTrust(), missing));
        assertEquals(run.errLines(), unset.errLines(), "the caller's LANG when the caller had no LC_ALL");
        Cli.Run english = Cli.run(Map.of("LC_ALL", "C.UTF-8", Language.CALLER_LC_ALL, ""), Cli.args("verify", Cli.demoTrust(), missing));
        assertEquals(List.of("signer: " + missing + ": no such file — check the path"), english.errLines());
    }
}
