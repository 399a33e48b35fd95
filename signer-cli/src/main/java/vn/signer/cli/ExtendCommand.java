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

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The extended file (only with a single FILE).")
    Path output;

    @Option(names = "--force", description = "Replace an existing output file (never an input).")
    boolean force;

    @Option(names = "--json", description = "Print one JSON line per document.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Signed PDF or XML documents.")
    List<Path> files;

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        DocumentExtender extender = DocumentExtender.create(level,
                new SigningServices(tsa.authorities(), trust.settings().build()));
        return new DocumentRun(root.terminal(), json, root.verbose, "extended", root.locale()).run(files, output, extender::defaultOutput,
                (input, target) -> extender.extend(input, target, force));
    }
}
