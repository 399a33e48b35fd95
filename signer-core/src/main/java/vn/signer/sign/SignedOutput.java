package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import vn.signer.dss.ContentsPatch;
import vn.signer.files.AtomicOutput;

/**
 * A signed document ready to be written, holding whatever temporary resources produced it until it is
 * closed (large PDFs are prepared in temporary files rather than in memory).
 */
interface SignedOutput extends AtomicOutput.Content, AutoCloseable {

    @Override
    void close();

    /**
     * Writes the signed document to {@code target} through a temporary file renamed into place.
     *
     * @throws vn.signer.SignerException OUTPUT_EXISTS, IO
     */
    default void save(Path target, boolean overwrite) {
        AtomicOutput.write(target, overwrite, this);
    }

    /** The prepared document with its signature patched in; {@code release} runs once it is written. */
    static SignedOutput of(ContentsPatch patch, Runnable release) {
        return of(patch, patch, release);
    }

    /** A document held by DSS; {@code release} runs once it is written. */
    static SignedOutput of(DSSDocument document, Runnable release) {
        return of(document::writeTo, null, release);
    }

    /** A document written by {@code content}, through a temporary file like any other. */
    static SignedOutput streamed(AtomicOutput.Content content) {
        return of(content, null, () -> { });
    }

    /** @param patch saves the content its own way, or null to save it through a temporary file */
    private static SignedOutput of(AtomicOutput.Content content, ContentsPatch patch, Runnable release) {
        return new SignedOutput() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                content.writeTo(out);
            }

            @Override
            public void save(Path target, boolean overwrite) {
                if (patch == null) {
                    SignedOutput.super.save(target, overwrite);
                } else {
                    patch.save(target, overwrite);
                }
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
