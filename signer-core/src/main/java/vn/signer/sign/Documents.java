package vn.signer.sign;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.dss.DssDocuments;
import vn.signer.dss.ServiceLookups;
import vn.signer.document.DocumentFormat;
import vn.signer.document.PdfTail;
import vn.signer.document.SafeXml;

/**
 * The steps signing, extending and batches share: refuse an output that would replace the input or an existing
 * file, check the input is a complete PDF or safe XML, and turn DSS's failures into plain errors.
 */
public final class Documents {
    private Documents() {
    }

    /** Checks input and output before any work, and says what the input is. */
    static DocumentFormat prepare(Path input, Path output, boolean overwrite) {
        DocumentFormat format = DocumentFormat.detect(input);
        requireDistinct(input, output);
        if (!overwrite && Files.exists(output)) {
            throw new SignerException(ErrorCode.OUTPUT_EXISTS, Problem.of("sign.outputExists", output));
        }
        requireUsable(input, format);
        return format;
    }

    /** Checks an input file before any work, and says what it is. */
    static DocumentFormat check(Path input) {
        DocumentFormat format = DocumentFormat.detect(input);
        requireUsable(input, format);
        return format;
    }

    private static void requireUsable(Path input, DocumentFormat format) {
        switch (format) {
            case PDF -> PdfTail.requireComplete(input);
            case XML -> SafeXml.check(input);
        }
    }

    /**
     * Checks a document received in memory before any work, and says what it is.
     *
     * @param name names the document in errors
     * @throws SignerException BAD_INPUT
     */
    static DocumentFormat check(String name, byte[] document) {
        DocumentFormat format = DocumentFormat.detect(name, document);
        switch (format) {
            case PDF -> PdfTail.requireComplete(name, document);
            case XML -> SafeXml.check(name, document);
        }
        return format;
    }

    /** Runs a DSS operation on {@code input}, turning its failures into {@link SignerException}s. */
    static <T> T withDss(Path input, DocumentFormat format, String action, Function<DSSDocument, T> operation) {
        return withDss(input.toString(), () -> DssDocuments.read(input), format, action, operation);
    }

    /**
     * Runs a DSS operation on the document {@code read} gives, turning its failures into
     * {@link SignerException}s that name the document {@code name}.
     */
    static <T> T withDss(String name, Supplier<DSSDocument> read, DocumentFormat format, String action,
                         Function<DSSDocument, T> operation) {
        return withDss(name, format, action, () -> operation.apply(read.get()));
    }

    /** Runs a DSS operation on the document {@code name}, turning its failures into {@link SignerException}s. */
    static <T> T withDss(String name, DocumentFormat format, String action, Supplier<T> operation) {
        try {
            return ServiceLookups.run(operation);
        } catch (RuntimeException e) {
            throw failure(name, format, action, e);
        }
    }

    private static SignerException failure(String input, DocumentFormat format, String action, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The JVM out of heap or stack is not the document's fault, though a library caught it (ImageIO's PNG
            // reader wraps even an OutOfMemoryError in an IIOException): it goes on, for the caller to say what the JVM lacks.
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                throw (VirtualMachineError) t;
            }
            // Our own errors (a TSA that failed, a key that could not sign) may come back wrapped by DSS.
            if (t instanceof SignerException signer) {
                return signer;
            }
            if (t instanceof InvalidPasswordException) {
                return new SignerException(ErrorCode.NOT_SIGNABLE, Problem.of("sign.passwordProtected", input), e);
            }
            if (t instanceof AlertException) {
                return new SignerException(ErrorCode.LEVEL_UNREACHABLE, Problem.of(action + ".levelUnreachable", input,
                        t.getMessage()), e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof DSSException)) {
            // Not DSS refusing the document but a defect (ours or a library's): do not blame the document.
            return new SignerException(ErrorCode.SIGNING_FAILED, Problem.of(action + ".unexpected", input,
                    e.getClass().getSimpleName(), reason), e);
        }
        return new SignerException(ErrorCode.NOT_SIGNABLE, Problem.of(action + ".refused." + format.name().toLowerCase(Locale.ROOT),
                input, reason), e);
    }

    /**
     * Refuses an output that is the input itself (by path or, for an existing file, by identity).
     *
     * @throws SignerException USAGE
     */
    public static void requireDistinct(Path input, Path output) {
        boolean same = input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
        try {
            same = same || (Files.exists(output) && Files.isSameFile(input, output));
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("sign.outputUncomparable", output, e.getMessage()), e);
        }
        if (same) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("sign.outputReplacesInput", output));
        }
    }

    /** The size of {@code input} in bytes. */
    static long size(Path input) {
        try {
            return Files.size(input);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", input.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** {@code NAME-suffix.EXT} beside {@code input}. */
    static Path sibling(Path input, String suffix) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return input.resolveSibling(renamed);
    }
}
