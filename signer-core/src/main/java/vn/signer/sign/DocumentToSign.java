package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import vn.signer.document.DocumentFormat;
import vn.signer.dss.DssDocuments;

/**
 * A document to be signed, PDF or XML (told apart by content), checked when it is named: a PDF must
 * be complete, an XML document safe to parse. Never modified by signing.
 */
public final class DocumentToSign {
    private final String name;
    private final Supplier<DSSDocument> read;
    private final DocumentFormat format;
    private final Path output;
    private final Path file;

    private DocumentToSign(String name, Supplier<DSSDocument> read, DocumentFormat format, Path output, Path file) {
        this.name = name;
        this.read = read;
        this.format = format;
        this.output = output;
        this.file = file;
    }

    /**
     * A document in a file.
     *
     * @param output where the signed document will be saved: a large PDF is prepared in temporary files
     *               beside it, so that memory does not grow with the document
     * @throws vn.signer.SignerException INPUT_MISSING, BAD_INPUT
     */
    public static DocumentToSign file(Path input, Path output) {
        Objects.requireNonNull(output, "output");
        return file(input, output, Documents.check(input));
    }

    /** A file {@link Documents#prepare} has checked already. */
    static DocumentToSign file(Path input, Path output, DocumentFormat format) {
        return new DocumentToSign(input.toString(), () -> DssDocuments.read(input), format, output, input);
    }

    /**
     * A document received in memory (over a network, say), of a few megabytes: it, its prepared copy and
     * the signed one are all held in memory. The array is not copied and must not change until signed.
     *
     * @param name names the document in errors
     * @throws vn.signer.SignerException BAD_INPUT
     */
    public static DocumentToSign inMemory(String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        DocumentFormat format = Documents.check(name, content);
        return new DocumentToSign(name, () -> DssDocuments.of(name, content), format, null, null);
    }

    /** How the document is named in errors: its path, or the name it was received under. */
    public String name() {
        return name;
    }

    public DocumentFormat format() {
        return format;
    }

    DSSDocument read() {
        return read.get();
    }

    /** The file the document is in; null for one in memory. */
    Path file() {
        return file;
    }

    /** Where large documents are prepared beside; null for one in memory. */
    Path output() {
        return output;
    }
}
