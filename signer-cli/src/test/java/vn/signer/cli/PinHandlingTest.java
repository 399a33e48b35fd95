package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.cli.Cli.args;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import vn.signer.testing.SoftHsm;

/**
 * Where the CLI takes PINs and passwords from (an environment variable or a file, never the command
 * line), and what it does when the PIN is wrong or there is no way to get one.
 */
@Tag("native")
class PinHandlingTest {
    private static final String WRONG_PIN = "987123";

    private final SoftHsm hsm = SoftHsm.token();

    @TempDir
    Path dir;

    private List<String> demoToken() {
        return List.of("--pkcs11", hsm.module().toString(), "--token-label", SoftHsm.LABEL, "--key", "officer");
    }

    @Test
    void pinFromAnEnvironmentVariableForAFileAndForAToken() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run p12 = Cli.run(Map.of("SIGNER_TEST_PASSWORD", Cli.demoPassword()),
                args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin-env", "SIGNER_TEST_PASSWORD", pdf));
        assertEquals(0, p12.exit(), p12.toString());

        Cli.Run token = Cli.run(Map.of("SIGNER_TEST_PIN", SoftHsm.PIN),
                args("sign", demoToken(), "--pin-env", "SIGNER_TEST_PIN", "-o", dir.resolve("token.pdf"), pdf));
        assertEquals(0, token.exit(), token.toString());
        SignCommandTest.assertVerifiesAs(dir.resolve("token.pdf"), "Đặng Thị Phượng");
    }

    @Test
    void anUnsetOrEmptyVariableIsRefusedNamingIt() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("SIGNER_TEST_PASSWORD", ""))) {
            Cli.Run run = Cli.run(env, args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin-env", "SIGNER_TEST_PASSWORD", pdf));
            assertEquals(77, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("SIGNER_TEST_PASSWORD is not set or empty"), run.toString());
        }
    }

    @Test
    void aMissingOrEmptyPinFileIsAClearError() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Path missing = dir.resolve("no-pin.txt");
        Cli.Run run = Cli.run(args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin-file", missing, pdf));
        assertEquals(66, run.exit(), run.toString());
        assertTrue(run.err().startsWith("signer: " + missing + ": no such PIN file"), run.toString());

        Path empty = Files.createFile(dir.resolve("empty-pin.txt"));
        run = Cli.run(args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin-file", empty, pdf));
        assertEquals(77, run.exit(), run.toString());
        assertTrue(run.err().startsWith("signer: " + empty + ": the PIN file is empty"), run.toString());
    }

    @Test
    void aWrongTokenPinIsRefusedOnceNamingTheTokenAndNotThePin() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run(Map.of("SIGNER_TEST_PIN", WRONG_PIN),
                args("sign", demoToken(), "--pin-env", "SIGNER_TEST_PIN", pdf));
        assertEquals(77, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: token '" + SoftHsm.LABEL + "'"), run.toString());
        assertTrue(run.err().contains("refused the PIN"), run.toString());
        assertFalse(run.err().contains(WRONG_PIN) || run.out().contains(WRONG_PIN), run.toString());
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));

        // SoftHSM2 now says "PIN count low" until a good login; a correct unattended PIN must still work.
        Cli.Run again = Cli.run(args("sign", demoToken(), "--pin-file", Cli.TOKEN_PIN, pdf));
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void aWrongPkcs12PasswordIsRefusedWithoutShowingIt() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run(Map.of("P", "not-the-password"),
                args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin-env", "P", pdf));
        assertEquals(77, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("signer: " + Cli.OFFICER_P12 + ": wrong password"), run.toString());
        assertFalse(run.err().contains("not-the-password"), run.toString());
    }

    @Test
    void withoutAPinSourceOrATerminalItStopsAtOnceWith77() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        List<String[]> commands = List.of(
                args("sign", "--pkcs12", Cli.OFFICER_P12, pdf),
                args("sign", demoToken(), pdf),
                args("keys", "--pkcs11", hsm.module(), "--token-label", SoftHsm.LABEL));
        for (String[] command : commands) {
            Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(Map.of(), command));
            assertEquals(77, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().startsWith("signer: no terminal to ask the "), run.toString());
            assertTrue(run.err().contains("--pin-env") && run.err().contains("--pin-file"), run.toString());
        }
    }

    @Test
    void noOptionTakesAPinOnTheCommandLine() {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        Cli.Run run = Cli.run(args("sign", "--pkcs12", Cli.OFFICER_P12, "--pin", Cli.demoPassword(), pdf));
        assertEquals(64, run.exit(), run.toString());
        assertTrue(run.err().contains("unknown option --pin"), run.toString());
        assertFalse(run.err().contains(Cli.demoPassword()), "the word after --pin may be a secret: " + run);
        assertEquals(1, run.err().lines().count(), run.toString());
        assertFalse(Files.exists(dir.resolve("cong-van-mau-signed.pdf")));
        Cli.Run keys = Cli.run(args("keys", "--pkcs11", hsm.module(), "--token-label", SoftHsm.LABEL, "--pin", SoftHsm.PIN));
        assertEquals(64, keys.exit(), keys.toString());
        assertFalse(keys.err().contains(SoftHsm.PIN), keys.toString());

        // Of all options of all commands, the only PIN-related ones name a variable or a file.
        CommandLine cli = CommandLineFactory.create(new Terminal(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), null));
        List<String> pinOptions = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(cli.getSubcommands().values());
        commands.add(cli);
        for (CommandLine command : commands) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String name : option.names()) {
                    if (name.toLowerCase().contains("pin") || name.toLowerCase().contains("pass")) {
                        pinOptions.add(command.getCommandName() + " " + name);
                    }
                }
            }
        }
        assertEquals(List.of("agent --pin-env", "agent --pin-file", "keys --pin-env", "keys --pin-file", "sign --pin-env",
                        "sign --pin-file"),
                pinOptions.stream().sorted().toList());
    }
}
