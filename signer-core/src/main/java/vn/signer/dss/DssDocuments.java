package vn.signer.dss;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;

/**
 * A file as DSS reads it. Internal to signer; callers of signer-core never need it.
 *
 * <p>DSS and PDFBox read a document several times over while signing or verifying it, and from a
 * file PDFBox does so in 4 KB pages, each a seek and a read: a small document is read once into
 * memory instead (a one-page signature takes a tenth less time, a batch a quarter less). Above
 * {@link #IN_MEMORY_LIMIT} a document stays a file, so that memory does not grow with it. XML always
 * stays a file: DSS parses it into a tree whatever it reads it from, once per step, and a copy of its
 * bytes in memory would only add its size to the peak of a signature or verification.
 */
public final class DssDocuments {
    /** Documents up to this size are read into memory. */
    public static final long IN_MEMORY_LIMIT = 16L * 1024 * 1024;

    private DssDocuments() {
    }

    /** Whether {@code document} was left a file by {@link #read}: it is larger than {@link #IN_MEMORY_LIMIT}. */
    public static boolean isLarge(DSSDocument document) {
        return document instanceof FileDocument;
    }

    /**
     * @throws SignerException IO when the file cannot be read
     */
    public static DSSDocument read(Path path) {
        File file = path.toFile();
        if (file.length() > IN_MEMORY_LIMIT || DocumentFormat.detect(path) == DocumentFormat.XML) {
            return new FileDocument(file);
        }
        try {
            return new InMemoryDocument(Files.readAllBytes(path), file.getName());
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("dss.unreadable", path, e.getMessage()), e);
        }
    }

    /** A document received in memory, as DSS reads it; {@code name} names it in DSS's messages. */
    public static DSSDocument of(String name, byte[] content) {
        return new InMemoryDocument(content, name);
    }
}
