package vn.signer.verify;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The signed content of a detached XML signature, given for one verification: a file and the name it
 * goes by. The name is what a signature's reference is matched to (its URI, e.g. "thong-tin-ho-so.xml"),
 * so a file received under a temporary name keeps the name its sender gave it.
 *
 * @param name the content's file name, as the reference names it
 * @param file where the content is
 */
public record DetachedContent(String name, Path file) {

    public DetachedContent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }

    /** {@code file} under its own file name, as {@code signer verify --detached} gives it. */
    public static DetachedContent of(Path file) {
        return new DetachedContent(file.getFileName().toString(), file);
    }
}
