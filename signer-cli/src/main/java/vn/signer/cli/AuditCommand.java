package vn.signer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.audit.AuditChain;
import vn.signer.report.Printable;

/** Checks the audit logs that signer-server writes. */
@Command(name = "audit", description = "Checks signer-server audit logs.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @ParentCommand
    SignerCommand root;

    /** 'signer audit verify FILE': is every line of the hash chain intact, and does the log end at its head? */
    @Command(name = "verify", description = {
        "Checks the hash chain of a signer-server audit log and its head file (FILE.head, the number of",
        "entries and the last hash): exit 0 when every line is intact and none is missing at the end,",
        "65 naming the first line that was edited, removed, inserted, reordered or cut off the end,",
        "2 when the chain is intact but there is no head file to show that nothing was cut off the end."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Parameters(paramLabel = "FILE", description = "The audit log (JSON lines).")
        Path file;

        @Override
        public Integer call() {
            AuditChain.Result result = AuditChain.verify(file);
            Terminal terminal = audit.root.terminal();
            String shown = Printable.text(file);
            if (result.intact() && !result.anchored()) {
                terminal.out().println(shown + ": chain intact, " + entries(result.lines()) + ", but no head file ("
                        + Printable.text(AuditChain.headOf(file).getFileName()) + "): entries cut off its end cannot be detected");
                terminal.out().flush();
                return ExitCodes.SOME_INDETERMINATE;
            }
            if (result.intact()) {
                long unrecorded = result.lines() - result.head();
                terminal.out().println(shown + ": intact, " + entries(result.lines()) + (unrecorded == 0 ? ""
                        : " (the last " + unrecorded + " not yet in its head file, which the server brings up to date "
                        + "about once a second and when it stops)"));
                terminal.out().flush();
                return ExitCodes.OK;
            }
            terminal.err().println("signer: " + shown + ": the chain is broken at line " + result.brokenLine()
                    + ": " + Printable.text(result.problem()));
            terminal.err().flush();
            return ExitCodes.DATA;
        }

        private static String entries(long count) {
            return count + (count == 1 ? " entry" : " entries");
        }
    }
}
