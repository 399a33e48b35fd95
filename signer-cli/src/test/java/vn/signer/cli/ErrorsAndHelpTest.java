package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors are one line naming the file (a stack trace only with --verbose); help lists the exit codes. */
class ErrorsAndHelpTest {
    @TempDir
    Path dir;

    @Test
    void anErrorIsOneLineNamingTheFile() {
        Path missing = dir.resolve("khong-co.pdf");
        for (String[] command : List.of(args("sign", Cli.demoP12(), missing), args("verify", missing))) {
            Cli.Run run = Cli.run(command);
            assertEquals(66, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().startsWith("signer: " + missing + ": "), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
        }
        Path missingKey = dir.resolve("khong-co.p12");
        Cli.Run run = Cli.run(args("sign", "--pkcs12", missingKey, "--pin-file", Cli.DEMO_PASSWORD, Cli.SAMPLE_PDF));
        assertEquals(66, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: ") && run.err().contains(missingKey.toString()), run.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = dir.resolve("khong-co.pdf");
        List<String[]> commands = List.of(
                args("sign", "--verbose", Cli.demoP12(), missing),
                args("--verbose", "sign", Cli.demoP12(), missing),
                args("verify", "--verbose", missing),
                args("sign", "--verbose", "--pkcs12", dir.resolve("khong-co.p12"), "--pin-file", Cli.DEMO_PASSWORD, missing));
        for (String[] command : commands) {
            Cli.Run run = Cli.run(command);
            assertEquals(66, run.exit(), run.toString());
            assertTrue(run.err().contains("vn.signer.SignerException"), run.toString());
            assertTrue(run.err().contains("\tat vn.signer."), run.toString());
            assertTrue(run.errLines().stream().anyMatch(l -> l.startsWith("signer: ")), run.toString());
        }
    }

    @Test
    void helpListsTheExitCodes() {
        for (String[] command : List.of(args("--help"), args("sign", "--help"), args("sign", "-h"),
                args("verify", "--help"), args("keys", "--help"))) {
            Cli.Run run = Cli.run(command);
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.out().contains("Exit codes:"), run.toString());
            for (String code : List.of("64", "65", "66", "74", "77")) {
                assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(code + " ")), code + " in " + run);
            }
        }
        assertTrue(Cli.run("sign", "--help").out().contains("--pin-env"));
    }

    @Test
    void versionIsPrinted() {
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("signer "), run.toString());
    }

    @Test
    void usageErrorsAre64() {
        assertEquals(64, Cli.run("frobnicate").exit());
        assertEquals(64, Cli.run("sign", Cli.SAMPLE_PDF.toString()).exit(), "no key source");
        Cli.Run both = Cli.run("sign", "--pkcs12", "a.p12", "--pkcs11", "lib.so", Cli.SAMPLE_PDF.toString());
        assertEquals(64, both.exit(), both.toString());
        Cli.Run twoKeys = Cli.run(args("sign", Cli.demoP12(), "--key", "a", "--key-id", "01", Cli.SAMPLE_PDF));
        assertEquals(64, twoKeys.exit(), twoKeys.toString());
        assertEquals(64, Cli.run(args("sign", Cli.demoP12())).exit(), "no file");
    }
}
