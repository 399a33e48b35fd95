package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Tools;

/** The completion script and the man page come from the command model: every command and option is in them. */
class CompletionAndManPageTest {
    @TempDir
    Path dir;

    @Test
    void theCompletionScriptIsValidBashAndKnowsEveryCommandAndOption() throws IOException {
        for (String shell : List.of("bash", "zsh")) {
            Cli.Run run = Cli.run("completion", shell);
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.out().contains("complete -F"), run.out());
            for (String word : List.of("sign", "verify", "extend", "keys", "audit", "--key-id", "--pkcs11", "--trust", "--tsa")) {
                assertTrue(run.out().contains(word), word + " missing from the " + shell + " script");
            }
            Path script = Files.writeString(dir.resolve("signer-" + shell), run.out());
            Tools.Result syntax = Tools.run(List.of("bash", "-n", script.toString()));
            assertEquals(0, syntax.exitCode(), syntax.all());
        }
        Cli.Run fish = Cli.run("completion", "fish");
        assertEquals(64, fish.exit(), fish.toString());
    }

    @Test
    void theManPageIsRoffWithEveryCommandOptionAndExitCode() {
        Cli.Run run = Cli.run("manpage");
        assertEquals(0, run.exit(), run.toString());
        String page = run.out();
        assertTrue(page.startsWith(".TH SIGNER 1 "), page);
        for (String part : List.of(".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SH EXIT STATUS",
                ".SS signer sign", ".SS signer verify", ".SS signer audit verify", "\\fB\\-\\-key\\-id\\fR \\fIHEX\\fR",
                ".B 64\n", ".B 78\n")) {
            assertTrue(page.contains(part), part + " missing from:\n" + page);
        }
        assertTrue(page.lines().noneMatch(l -> l.startsWith(".") && !l.matches("^\\.(TH|SH|SS|TP|PP|B) ?.*")),
                "a text line that roff would read as a request");
    }

    @Test
    void roffEscapesWhatItWouldReadAsRequestsOrEscapes() {
        assertEquals("\\&.hidden \\e n \\-\\-x\n\\&'quoted", ManPageCommand.escape(".hidden \\ n --x\n'quoted"));
    }
}
