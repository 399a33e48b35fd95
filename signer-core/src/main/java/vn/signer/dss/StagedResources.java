package vn.signer.dss;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandler;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandlerBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.signer.files.AtomicOutput;

/**
 * Where DSS writes its working copies of a large PDF: temporary files beside the output, named as
 * {@link AtomicOutput} names them. The prepared copy, once its signature is patched in, becomes the
 * output by a rename instead of being copied (and a 50 MB temporary file deleted); a crash leaves only
 * files that a rerun of the batch recognises and removes. Not shared between documents or threads.
 * Implements DSS's resources-handler interface, so it lives here; internal to signer.
 */
public final class StagedResources implements DSSResourcesHandlerBuilder {
    private final Path output;
    private final List<AtomicOutput.Staged> staged = new ArrayList<>();

    /** @param output where the signed document will be saved */
    public StagedResources(Path output) {
        this.output = output;
    }

    @Override
    public DSSResourcesHandler createResourcesHandler() {
        AtomicOutput.Staged file = AtomicOutput.stage(output);
        staged.add(file);
        return new Handler(file.path());
    }

    /** The staged file behind {@code document}, if DSS wrote it here. */
    public AtomicOutput.Staged of(DSSDocument document) {
        if (document instanceof FileDocument file) {
            for (AtomicOutput.Staged candidate : staged) {
                if (candidate.path().equals(file.getFile().toPath())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Deletes every working copy not committed as the output. */
    public void clear() {
        staged.forEach(AtomicOutput.Staged::close);
        staged.clear();
    }

    private static final class Handler implements DSSResourcesHandler {
        private final Path file;
        private OutputStream out;

        Handler(Path file) {
            this.file = file;
        }

        @Override
        public OutputStream createOutputStream() throws IOException {
            if (out != null) {
                throw new IllegalStateException("DSS asked twice for the output stream of " + file);
            }
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return out;
        }

        @Override
        public DSSDocument writeToDSSDocument() throws IOException {
            close();
            return new FileDocument(file.toFile());
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
