package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.CscStandIn;
import vn.signer.testing.TestPki;

/**
 * signer sign --csc against a STAND-IN for a CA's remote signing service that we cannot reach
 * ({@link CscStandIn}, on loopback): a document and a folder signed (one authorisation per multisign
 * documents), and the holder's refusal, an expired wait and an OTP that cannot be asked, each with
 * its own exit code and nothing written.
 */
class RemoteKeyCommandTest {
    static TestPki.Entity officer;

    @TempDir
    Path dir;
    CscStandIn service;

    @BeforeAll
    static void pki() {
        officer = TestPki.create("cli-csc").signer("Phạm Văn Đức", "UBND phường (TEST)").issue();
    }

    @BeforeEach
    void start() {
        service = CscStandIn.start(officer);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    static Path signed(Path pdf) {
        return pdf.resolveSibling(pdf.getFileName().toString().replace(".pdf", "-signed.pdf"));
    }

    Cli.Run sign(Object... more) {
        Object[] base = {"sign", "--csc", service.url(2), "--csc-credential", CscStandIn.CREDENTIAL, "--csc-secret-env", "CSC_SECRET",
                "--csc-allow-loopback-http"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(Map.of("CSC_SECRET", CscStandIn.SECRET), args(all));
    }

    @Test
    void aDocumentAndAFolderAreSignedWithOneAuthorisationPerMultisign() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run one = sign(pdf);
        assertEquals(0, one.exit(), one.toString());
        assertTrue(Files.exists(signed(pdf)), one.toString());
        assertEquals(1, service.authorisations());

        service.multisign(3);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        for (int i = 0; i < 6; i++) {
            Files.copy(Cli.SAMPLE_PDF, folder.resolve("cv-" + i + ".pdf"));
        }
        Cli.Run batch = sign("--json", "--out-dir", dir.resolve("signed"), folder);
        assertEquals(0, batch.exit(), batch.toString());
        assertEquals(6, batch.json().get(batch.json().size() - 1).path("summary").path("signed").asInt(), batch.toString());
        assertEquals(1 + 2, service.authorisations(), "6 documents, 3 per authorisation");
    }

    @Test
    void aRefusalOnThePhoneExits80AndWritesNothing() throws Exception {
        service.holder(CscStandIn.Holder.REFUSES);
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = sign(pdf);
        assertEquals(80, run.exit(), run.toString());
        assertTrue(run.err().contains("refused the signature"), run.toString());
        assertFalse(Files.exists(signed(pdf)));
    }

    @Test
    void noConfirmationInTimeExits81AndWritesNothing() throws Exception {
        service.holder(CscStandIn.Holder.NEVER_ANSWERS).phone(0, 2);
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = sign(pdf);
        assertEquals(81, run.exit(), run.toString());
        assertTrue(run.err().contains("waiting for confirmation on your phone"), run.toString());
        assertFalse(Files.exists(signed(pdf)));
        Cli.Run vi = Cli.run(Map.of("CSC_SECRET", CscStandIn.SECRET, "LANG", "vi_VN.UTF-8"), args("sign", "--lang", "vi", "--csc",
                service.url(2), "--csc-secret-env", "CSC_SECRET", "--csc-allow-loopback-http", pdf));
        assertTrue(vi.err().contains("Đang chờ xác nhận trên điện thoại"), vi.toString());
    }

    @Test
    void anOtpNoOneCanTypeExits77() throws Exception {
        service.otp(true);
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = sign(pdf);
        assertEquals(77, run.exit(), run.toString());
        assertFalse(Files.exists(signed(pdf)));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedAndASecretMustComeFromAVariableOrAFile() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run http = Cli.run(Map.of("CSC_SECRET", CscStandIn.SECRET), args("sign", "--csc", service.url(2), "--csc-secret-env",
                "CSC_SECRET", pdf));
        assertEquals(64, http.exit(), http.toString());
        Cli.Run noSecret = Cli.run(Map.of(), args("sign", "--csc", service.url(2), "--csc-allow-loopback-http", pdf));
        assertEquals(64, noSecret.exit(), noSecret.toString());
        assertEquals(List.of(), List.of(dir.toFile().list((d, name) -> name.contains("-signed"))));
    }
}
