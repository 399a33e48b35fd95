package vn.signer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.SignerException;
import vn.signer.batch.DocumentFinder;
import vn.signer.report.Json;
import vn.signer.report.ReportText;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** Verifies the signatures of PDF and XML documents and says plainly whether they can be relied on. */
@Command(name = "verify", description = {
    "Verifies every signature in each FILE against the trust anchors given with --trust.",
    "Verdicts: VALID (every check done and passed), INVALID (a check failed), INDETERMINATE",
    "(something could not be established, e.g. revocation or trust), NO_SIGNATURE.",
    "Folders are verified whole: one report per PDF or XML document, the exit code of the worst verdict."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Mixin
    TrustOptions trust;

    /** A profile's trust anchors, for --profile without --trust. */
    @Mixin
    ProfileOptions profile;

    @Option(names = "--detached", paramLabel = "FILE", description = "The signed content of a detached XML signature.")
    List<Path> detached = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per file.")
    boolean json;

    @Mixin
    FolderOptions folders;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files",
            description = "Signed PDF or XML documents, or folders of them (see --recursive, --include).")
    List<Path> files;

    /** The JSON line for a file that could not be verified at all. */
    record Failure(String file, String error, String message) {
    }

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        DocumentVerifier verifier = DocumentVerifier.create(trust.settings(profile.profile(root.terminal())).detachedContents(detached).build());
        Terminal terminal = root.terminal();
        List<Verdict> verdicts = new ArrayList<>();
        int errorCode = ExitCodes.OK;
        List<DocumentFinder.Found> documents = folders.finder().find(files);
        DocumentFinder.requireAny(documents, files);
        for (DocumentFinder.Found found : documents) {
            Path file = found.file();
            try {
                VerificationReport report = verifier.verify(file);
                terminal.out().print(json ? Json.line(report, root.locale()) + "\n" : ReportText.render(report, root.locale())
                        + CliMessages.reasonAdvice(report, root.locale()));
                verdicts.add(report.verdict());
            } catch (SignerException e) {
                if (root.verbose) {
                    e.printStackTrace(terminal.err());
                }
                if (json) {
                    terminal.out().println(Json.line(new Failure(file.toString(), e.code().name(), e.oneLine())));
                }
                terminal.err().println(CliMessages.error(e, root.locale()));
                if (errorCode == ExitCodes.OK) {
                    errorCode = ExitCodes.of(e.code());
                }
            }
            terminal.out().flush();
            terminal.err().flush();
        }
        return errorCode != ExitCodes.OK ? errorCode : ExitCodes.of(Verdict.worst(verdicts));
    }
}
