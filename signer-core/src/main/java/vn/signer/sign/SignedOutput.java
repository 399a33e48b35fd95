package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
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
    default void save(java.nio.file.Path target, boolean overwrite) {
        AtomicOutput.write(target, overwrite, this);
    }

    /** A document held by DSS; {@code release} runs once it is written. */
    static SignedOutput of(DSSDocument document, Runnable release) {
        return new SignedOutput() {
            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                document.writeTo(out);
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
