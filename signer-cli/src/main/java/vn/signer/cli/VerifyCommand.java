package vn.signer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.SignerException;
import vn.signer.certs.CertificateFiles;
import vn.signer.report.Json;
import vn.signer.report.ReportText;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;

/** Verifies the signatures of PDF and XML documents and says plainly whether they can be relied on. */
@Command(name = "verify", description = {
    "Verifies every signature in each FILE against the trust anchors given with --trust.",
    "Verdicts: VALID (every check done and passed), INVALID (a check failed), INDETERMINATE",
    "(something could not be established, e.g. revocation or trust), NO_SIGNATURE."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Option(names = "--trust", paramLabel = "FILE|DIR",
            description = "Trusted root certificates: PEM, DER or PKCS#7 files, or folders of them. Repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--intermediate", paramLabel = "FILE|DIR",
            description = "Intermediate CA certificates for chains that documents do not embed. Repeatable.")
    List<Path> intermediates = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "FILE", description = "CRL files to use before any online source. Repeatable.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--offline", description = "Fetch nothing from the network (no AIA, CRL or OCSP downloads).")
    boolean offline;

    @Option(names = "--detached", paramLabel = "FILE", description = "The signed content of a detached XML signature.")
    List<Path> detached = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per file.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Signed PDF or XML documents.")
    List<Path> files;

    /** The JSON line for a file that could not be verified at all. */
    record Failure(String file, String error, String message) {
    }

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        DocumentVerifier verifier = DocumentVerifier.create(VerificationSettings.builder()
                .trust(CertificateFiles.read(trust))
                .intermediates(CertificateFiles.read(intermediates))
                .crlFiles(crls)
                .offline(offline)
                .detachedContents(detached)
                .build());
        Terminal terminal = root.terminal();
        int verdictCode = ExitCodes.OK;
        int errorCode = ExitCodes.OK;
        for (Path file : files) {
            try {
                VerificationReport report = verifier.verify(file);
                terminal.out().print(json ? Json.line(report) + "\n" : ReportText.render(report));
                verdictCode = Math.max(verdictCode, rank(ExitCodes.of(report.verdict())));
            } catch (SignerException e) {
                if (root.verbose) {
                    e.printStackTrace(terminal.err());
                }
                if (json) {
                    terminal.out().println(Json.line(new Failure(file.toString(), e.code().name(), e.oneLine())));
                }
                terminal.err().println("signer: " + e.oneLine());
                if (errorCode == ExitCodes.OK) {
                    errorCode = ExitCodes.of(e.code());
                }
            }
            terminal.out().flush();
            terminal.err().flush();
        }
        return errorCode != ExitCodes.OK ? errorCode : unrank(verdictCode);
    }

    /** Orders verdict exit codes by gravity: invalid over indeterminate over no signature over valid. */
    private static int rank(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.SOME_INVALID -> 3;
            case ExitCodes.SOME_INDETERMINATE -> 2;
            case ExitCodes.NO_SIGNATURE -> 1;
            default -> 0;
        };
    }

    private static int unrank(int rank) {
        return switch (rank) {
            case 3 -> ExitCodes.SOME_INVALID;
            case 2 -> ExitCodes.SOME_INDETERMINATE;
            case 1 -> ExitCodes.NO_SIGNATURE;
            default -> ExitCodes.OK;
        };
    }
}
