package vn.signer.document;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * A path that exists but is not a regular file: a folder cannot be read as a document, and a FIFO
 * or a device (/dev/zero) would block or be read forever. Its own type, so that a front end can say
 * so in its own language rather than "no such file". Its code is that of a missing input: there is no
 * document file at that path.
 */
public final class NotRegularFile extends SignerException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final boolean folder;

    NotRegularFile(Path file) {
        this(file, Files.isDirectory(file));
    }

    private NotRegularFile(Path file, boolean folder) {
        super(ErrorCode.INPUT_MISSING, file + ": not a regular file (" + (folder ? "a folder" : "a device, pipe or socket") + ")",
                "give a PDF or XML file");
        this.file = file;
        this.folder = folder;
    }

    public Path file() {
        return file;
    }

    /** A folder rather than a device, pipe or socket. */
    public boolean folder() {
        return folder;
    }
}
