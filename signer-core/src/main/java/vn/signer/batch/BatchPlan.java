package vn.signer.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.sign.Documents;

/**
 * Turns files and folders into the documents of a batch and their outputs. Folders are scanned by a
 * {@link DocumentFinder}. Outputs go into an output folder that mirrors the input tree, or beside each
 * input under its default name. Earlier outputs found in a scanned folder (and anything found inside
 * the output folder) are never taken as inputs, so running the same command again finds the same documents.
 */
public final class BatchPlan {
    private final DocumentFinder finder;
    private final Path outDir;
    private final UnaryOperator<Path> besideInput;

    /**
     * @param finder      finds the documents in folders
     * @param outDir      the output folder, or null to write beside each input
     * @param besideInput the output beside an input when there is no output folder, e.g. NAME-signed.EXT
     */
    public BatchPlan(DocumentFinder finder, Path outDir, UnaryOperator<Path> besideInput) {
        this.finder = finder;
        this.outDir = outDir == null ? null : outDir.toAbsolutePath().normalize();
        this.besideInput = besideInput;
    }

    /**
     * The documents of {@code paths}: files as given, folders scanned.
     *
     * @param singleOutput the output of the only document (-o), or null
     * @throws SignerException INPUT_MISSING for a path that does not exist or no document at all, USAGE when
     *                         an output would be an input or two inputs would write the same output
     */
    public List<BatchItem> items(List<Path> paths, Path singleOutput) {
        List<DocumentFinder.Found> found = finder.find(paths);
        // Outputs this plan would write for documents found in folders are the results of an earlier run.
        Set<Path> earlierOutputs = new HashSet<>();
        if (outDir == null) {
            found.stream().filter(f -> f.folder() != null)
                    .forEach(f -> earlierOutputs.add(besideInput.apply(f.file()).toAbsolutePath().normalize()));
        }
        List<BatchItem> items = new ArrayList<>();
        for (DocumentFinder.Found f : found) {
            Path file = f.file();
            if (f.folder() == null) {
                if (!Files.exists(file)) {
                    throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("input.missing", file.toString()));
                }
                items.add(new BatchItem(file, outDir == null ? besideInput.apply(file) : outDir.resolve(file.getFileName())));
            } else if (!earlierOutputs.contains(file.toAbsolutePath().normalize()) && !inOutDir(file)) {
                items.add(new BatchItem(file, outDir == null ? besideInput.apply(file)
                        : outDir.resolve(f.folder().relativize(file).toString())));
            }
        }
        DocumentFinder.requireAny(items, paths);
        if (singleOutput != null) {
            if (items.size() != 1) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("batch.oneOutput", items.size()));
            }
            items.set(0, new BatchItem(items.get(0).input(), singleOutput));
        }
        requireDistinctOutputs(items);
        return items;
    }

    private boolean inOutDir(Path file) {
        return outDir != null && file.toAbsolutePath().normalize().startsWith(outDir);
    }

    private static void requireDistinctOutputs(List<BatchItem> items) {
        Map<Path, Path> seen = new HashMap<>();
        Set<Path> inputs = new HashSet<>();
        items.forEach(item -> inputs.add(item.input().toAbsolutePath().normalize()));
        for (BatchItem item : items) {
            Documents.requireDistinct(item.input(), item.output());
            if (inputs.contains(item.output().toAbsolutePath().normalize())) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("batch.outputIsInput", item.output().toString(),
                        item.input().toString()));
            }
            Path previous = seen.putIfAbsent(item.output().toAbsolutePath().normalize(), item.input());
            if (previous != null) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("batch.sameOutput", item.input().toString(),
                        previous.toString(), item.output().toString()));
            }
        }
    }
}
