package vn.signer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.batch.BatchRunner;

/** Inputs, outputs and parallelism of 'sign' and 'extend', which take files and folders alike. */
final class BatchOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The output file (only with a single FILE).")
    Path output;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write outputs into DIR, mirroring the input folders, under the inputs' own names.")
    Path outDir;

    @Mixin
    FolderOptions folders;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Documents processed at once (default: one more than the number of cores). A token still signs "
                    + "one at a time.")
    Integer jobs;

    @Option(names = "--force", description = "Redo documents whose output exists, replacing it (never an input).")
    boolean force;

    @Option(names = "--json", description = "Print one JSON line per document, then a summary line.")
    boolean json;

    int jobs() {
        if (jobs != null && jobs < 1) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.jobs", jobs));
        }
        return jobs != null ? jobs : BatchRunner.defaultJobs();
    }
}
