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
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.files.AtomicOutput;
import vn.signer.report.ReportDetails;
import vn.signer.report.ReportPdf;
import vn.signer.report.ReportSheet;
import vn.signer.report.Words;
import vn.signer.verify.VerificationSettings;
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

    @Option(names = "--report", paramLabel = "FILE.pdf", description = "Also write the verification report to keep as a PDF, in the language of the messages (one FILE only; an existing file is never replaced).")
    Path report;

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
        VerificationSettings settings = trust.settings(profile.profile(root.terminal())).detachedContents(detached).build();
        DocumentVerifier verifier = DocumentVerifier.create(settings);
        Terminal terminal = root.terminal();
        List<Verdict> verdicts = new ArrayList<>();
        int errorCode = ExitCodes.OK;
        List<DocumentFinder.Found> documents = folders.finder().find(files);
        DocumentFinder.requireAny(documents, files);
        if (report != null) {
            requireOneDocument(documents);
        }
        for (DocumentFinder.Found found : documents) {
            Path file = found.file();
            try {
                VerificationReport result = verifier.verify(file);
                if (report != null) {
                    writeReport(result, file, settings);
                }
                terminal.out().print(json ? Json.line(result, root.locale()) + "\n" : ReportText.render(result, root.locale())
                        + CliMessages.reasonAdvice(result, root.locale()));
                verdicts.add(result.verdict());
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

    /** A report to keep is about one document; the one document must not be the report's own file. */
    private void requireOneDocument(List<DocumentFinder.Found> documents) {
        if (documents.size() != 1) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.reportOneFile", report, documents.size()));
        }
        Path document = documents.get(0).file();
        if (document.toAbsolutePath().normalize().equals(report.toAbsolutePath().normalize())) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.reportIsInput", report));
        }
    }

    /** The PDF report, written beside its target and renamed into place; an existing file stays as it is. */
    private void writeReport(VerificationReport result, Path file, VerificationSettings settings) {
        ReportDetails details = ReportDetails.of(ReportDetails.sha256(file), null, settings);
        ReportSheet sheet = ReportSheet.of(result, details, Words.of(root.locale()));
        AtomicOutput.write(report, false, out -> ReportPdf.write(sheet, out));
    }
}
