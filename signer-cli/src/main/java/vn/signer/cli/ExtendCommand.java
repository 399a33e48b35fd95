package vn.signer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.sign.DocumentExtender;
import vn.signer.sign.Level;
import vn.signer.sign.SigningServices;

/** Raises signed documents to LT or LTA, or renews their archive timestamp; signatures are untouched. */
@Command(name = "extend", description = {
    "Raises every signature of each FILE to LT (adds the timestamp if missing, the certificates and the",
    "revocation data) or LTA (adds an archive timestamp; on an LTA document, renews it). The existing",
    "signatures are not touched. The output is NAME-LT.EXT or NAME-LTA.EXT beside the input unless -o is given."})
final class ExtendCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Option(names = "--level", paramLabel = "LEVEL", required = true, description = "LT or LTA.")
    Level level;

    @Mixin
    TrustOptions trust;

    @Mixin
    TsaOptions tsa;

    @Mixin
    BatchOptions batch;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files", description = "Signed PDF or XML documents, or folders of them.")
    List<Path> files;

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        DocumentExtender extender = DocumentExtender.create(level,
                new SigningServices(tsa.authorities(), trust.settings().build()));
        // An existing output is never taken as done: whether it reached the level is for 'verify' to say.
        return new DocumentRun(root.terminal(), batch, root.verbose, "extended", root.locale()).run(files,
                extender::defaultOutput, extender::extend, (input, output) -> false);
    }
}
