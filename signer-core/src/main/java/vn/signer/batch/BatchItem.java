package vn.signer.batch;

import java.nio.file.Path;

/**
 * One document of a batch and where its result goes.
 *
 * @param input  the document (never modified)
 * @param output the file to write
 */
public record BatchItem(Path input, Path output) {
}
