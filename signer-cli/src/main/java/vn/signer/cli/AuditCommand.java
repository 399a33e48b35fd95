package vn.signer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.Locale;
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

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The audit log (JSON lines).")
        Path file;

        @Override
        public Integer call() {
            AuditChain.Result result = AuditChain.verify(file);
            Terminal terminal = audit.root.terminal();
            String shown = Printable.text(file);
            Locale locale = audit.root.locale();
            if (result.intact() && !result.anchored()) {
                terminal.out().println(CliWords.text(locale, "audit.unanchored", shown, entries(result.lines(), locale),
                        Printable.text(AuditChain.headOf(file).getFileName())));
                terminal.out().flush();
                return ExitCodes.SOME_INDETERMINATE;
            }
            if (result.intact()) {
                long unrecorded = result.lines() - result.head();
                terminal.out().println(unrecorded == 0 ? CliWords.text(locale, "audit.intact", shown, entries(result.lines(), locale))
                        : CliWords.text(locale, "audit.unrecorded", shown, entries(result.lines(), locale), unrecorded));
                terminal.out().flush();
                return ExitCodes.OK;
            }
            terminal.err().println(CliWords.text(locale, "audit.broken", shown, result.brokenLine(), Printable.text(result.problem().message(locale))));
            terminal.err().flush();
            return ExitCodes.DATA;
        }

        private static String entries(long count, Locale locale) {
            return CliWords.text(locale, count == 1 ? "audit.entry" : "audit.entries", count);
        }
    }
}
