package vn.signer.batch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.files.AtomicOutput;
import vn.signer.sign.Documents;

/**
 * Turns files and folders into the documents of a batch and their outputs. Folders are scanned for
 * the included names (PDF and XML by default), one level or, with recursion, the whole tree. Outputs
 * go into an output folder that mirrors the input tree, or beside each input under its default name.
 * Earlier outputs found in a scanned folder, hidden files and interrupted writes are never taken as
 * inputs, so running the same command again finds the same documents.
 */
public final class BatchPlan {
    private static final List<String> DEFAULT_INCLUDE = List.of("*.{pdf,PDF,Pdf,xml,XML,Xml}");

    private final boolean recursive;
    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;
    private final Path outDir;
    private final UnaryOperator<Path> besideInput;

    /**
     * @param recursive   scan folders' subfolders too
     * @param include     glob patterns of file names to take from folders (empty: PDF and XML files)
     * @param exclude     glob patterns of file names to leave out
     * @param outDir      the output folder, or null to write beside each input
     * @param besideInput the output beside an input when there is no output folder, e.g. NAME-signed.EXT
     */
    public BatchPlan(boolean recursive, List<String> include, List<String> exclude, Path outDir, UnaryOperator<Path> besideInput) {
        this.recursive = recursive;
        this.include = matchers(include.isEmpty() ? DEFAULT_INCLUDE : include);
        this.exclude = matchers(exclude);
        this.outDir = outDir == null ? null : outDir.toAbsolutePath().normalize();
        this.besideInput = besideInput;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (IllegalArgumentException e) {
                throw new SignerException(ErrorCode.USAGE, "not a valid file name pattern: " + glob, "use globs such as *.pdf or bao-cao-*");
            }
        }
        return matchers;
    }

    /**
     * The documents of {@code paths}: files as given, folders scanned.
     *
     * @param singleOutput the output of the only document (-o), or null
     * @throws SignerException INPUT_MISSING for a path that does not exist or no document at all, USAGE when
     *                         an output would be an input or two inputs would write the same output
     */
    public List<BatchItem> items(List<Path> paths, Path singleOutput) {
        List<BatchItem> items = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                scan(path, items);
            } else if (Files.exists(path)) {
                items.add(new BatchItem(path, outDir == null ? besideInput.apply(path) : outDir.resolve(path.getFileName())));
            } else {
                throw new SignerException(ErrorCode.INPUT_MISSING, path + ": no such file or folder", "check the path");
            }
        }
        if (items.isEmpty()) {
            throw new SignerException(ErrorCode.INPUT_MISSING, "no documents found in " + paths,
                    "check the folders and the --include/--exclude patterns");
        }
        if (singleOutput != null) {
            if (items.size() != 1) {
                throw new SignerException(ErrorCode.USAGE, "-o names one output but there are " + items.size() + " documents",
                        "use --out-dir for several documents, or leave -o out");
            }
            items.set(0, new BatchItem(items.get(0).input(), singleOutput));
        }
        requireDistinctOutputs(items);
        return items;
    }

    private void scan(Path folder, List<BatchItem> items) {
        List<Path> files;
        try (Stream<Path> walk = recursive ? Files.walk(folder) : Files.list(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, folder + ": cannot list the folder: " + e.getMessage(), null, e);
        }
        List<Path> candidates = files.stream().filter(f -> isCandidate(folder, f)).toList();
        // Outputs this plan would write for other candidates are the results of an earlier run.
        Set<Path> earlierOutputs = new HashSet<>();
        if (outDir == null) {
            candidates.forEach(c -> earlierOutputs.add(besideInput.apply(c).toAbsolutePath().normalize()));
        }
        for (Path file : candidates) {
            if (earlierOutputs.contains(file.toAbsolutePath().normalize())) {
                continue;
            }
            Path output = outDir == null ? besideInput.apply(file) : outDir.resolve(folder.relativize(file).toString());
            items.add(new BatchItem(file, output));
        }
    }

    private boolean isCandidate(Path root, Path file) {
        Path name = file.getFileName();
        if (name.toString().startsWith(".") || AtomicOutput.isTemporary(file)) {
            return false;
        }
        if (outDir != null && file.toAbsolutePath().normalize().startsWith(outDir)) {
            return false;
        }
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return include.stream().anyMatch(m -> m.matches(name)) && exclude.stream().noneMatch(m -> m.matches(name));
    }

    private static void requireDistinctOutputs(List<BatchItem> items) {
        Map<Path, Path> seen = new HashMap<>();
        Set<Path> inputs = new HashSet<>();
        items.forEach(item -> inputs.add(item.input().toAbsolutePath().normalize()));
        for (BatchItem item : items) {
            Documents.requireDistinct(item.input(), item.output());
            if (inputs.contains(item.output().toAbsolutePath().normalize())) {
                throw new SignerException(ErrorCode.USAGE, item.output() + " is an input of this run and would be "
                        + "replaced by the signed " + item.input(), "signer never overwrites a document it signs; "
                        + "leave the earlier output out of the inputs or use --out-dir");
            }
            Path previous = seen.putIfAbsent(item.output().toAbsolutePath().normalize(), item.input());
            if (previous != null) {
                throw new SignerException(ErrorCode.USAGE, item.input() + " and " + previous + " would both be written to "
                        + item.output(), "use --out-dir without flattening, or sign them separately");
            }
        }
    }
}
