package vn.signer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.audit.AuditChain;

/** Checks the audit logs that signer-server writes. */
@Command(name = "audit", description = "Checks signer-server audit logs.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @ParentCommand
    SignerCommand root;

    /** 'signer audit verify FILE': is every line of the hash chain intact? */
    @Command(name = "verify", description = {
        "Checks the hash chain of a signer-server audit log: exit 0 when every line is intact,",
        "65 naming the first line that was edited, removed, inserted or reordered."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Parameters(paramLabel = "FILE", description = "The audit log (JSON lines).")
        Path file;

        @Override
        public Integer call() {
            AuditChain.Result result = AuditChain.verify(file);
            Terminal terminal = audit.root.terminal();
            if (result.intact()) {
                terminal.out().println(file + ": intact, " + result.lines() + " entries");
                terminal.out().flush();
                return ExitCodes.OK;
            }
            terminal.err().println("signer: " + file + ": the chain is broken at line " + result.brokenLine()
                    + ": " + result.problem());
            terminal.err().flush();
            return ExitCodes.DATA;
        }
    }
}
