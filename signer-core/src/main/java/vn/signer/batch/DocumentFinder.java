package vn.signer.batch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.files.AtomicOutput;

/**
 * Finds the documents in folders: the included names (PDF and XML by default), one level or, with
 * recursion, the whole tree, never hidden files or folders nor interrupted writes. Signing plans
 * its outputs from what this finds; verification verifies it.
 */
public final class DocumentFinder {
    private static final List<String> DEFAULT_INCLUDE = List.of("*.{pdf,PDF,Pdf,xml,XML,Xml}");

    private final boolean recursive;
    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;

    /** A document and the folder it was found in, or null when it was given itself. */
    public record Found(Path file, Path folder) {
    }

    /**
     * @param recursive scan folders' subfolders too
     * @param include   glob patterns of file names to take from folders (empty: PDF and XML files)
     * @param exclude   glob patterns of file names to leave out
     * @throws SignerException USAGE for a pattern that is not a glob
     */
    public DocumentFinder(boolean recursive, List<String> include, List<String> exclude) {
        this.recursive = recursive;
        this.include = matchers(include.isEmpty() ? DEFAULT_INCLUDE : include);
        this.exclude = matchers(exclude);
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (IllegalArgumentException e) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("glob.invalid", glob));
            }
        }
        return matchers;
    }

    /**
     * Each folder of {@code paths} as the documents found in it, in name order; anything else as given,
     * for the work on it to say what is wrong with it (missing, not a regular file).
     *
     * @throws SignerException IO when a folder cannot be listed
     */
    public List<Found> find(List<Path> paths) {
        List<Found> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                scan(path).forEach(file -> found.add(new Found(file, path)));
            } else {
                found.add(new Found(path, null));
            }
        }
        return found;
    }

    /**
     * @throws SignerException INPUT_MISSING when {@code documents} is empty: the folders of {@code paths}
     *                         hold nothing to work on
     */
    public static void requireAny(List<?> documents, List<Path> paths) {
        if (documents.isEmpty()) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("batch.noDocuments",
                    paths.stream().map(Path::toString).toList()));
        }
    }

    private List<Path> scan(Path folder) {
        try (Stream<Path> walk = recursive ? Files.walk(folder) : Files.list(folder)) {
            return walk.filter(Files::isRegularFile).filter(f -> isCandidate(folder, f)).sorted().toList();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("folder.unlistable", folder.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    private boolean isCandidate(Path root, Path file) {
        Path name = file.getFileName();
        if (name.toString().startsWith(".") || AtomicOutput.isTemporary(file)) {
            return false;
        }
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return include.stream().anyMatch(m -> m.matches(name)) && exclude.stream().noneMatch(m -> m.matches(name));
    }
}
