package vn.signer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.signer.batch.DocumentFinder;

/** Which documents to take from folders given as FILE: 'sign' and 'extend' (through BatchOptions) and 'verify'. */
final class FolderOptions {
    @Option(names = {"-r", "--recursive"}, description = "Take documents from subfolders of folders too.")
    boolean recursive;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "File names to take from folders (default: *.pdf and *.xml). Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "File names to leave out of folders. Repeatable.")
    List<String> exclude = new ArrayList<>();

    DocumentFinder finder() {
        return new DocumentFinder(recursive, include, exclude);
    }
}
