package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.document.PdfTail;
import vn.signer.document.SafeXml;
import vn.signer.files.AtomicOutput;
import vn.signer.keys.SigningKey;

/**
 * Signs documents with one key and one set of options: PDF as PAdES, XML as XAdES, told apart by
 * content. The certificate is checked before every document (a long batch may outlive it), inputs
 * are never modified, and outputs appear whole or not at all. Safe to use from several threads.
 */
public final class DocumentSigner {
    private final SigningKey key;
    private final SignatureOptions options;
    private final PadesSigner pades = new PadesSigner();
    private final XadesSigner xades = new XadesSigner();

    private DocumentSigner(SigningKey key, SignatureOptions options) {
        this.key = key;
        this.options = options;
    }

    /**
     * A signer for {@code key}. Fails at once when the key's certificate cannot be used to sign now.
     *
     * @throws SignerException CERTIFICATE_UNUSABLE
     */
    public static DocumentSigner create(SigningKey key, SignatureOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        CertificateCheck.requireUsable(key, Instant.now());
        return new DocumentSigner(key, options);
    }

    /** Where a signed copy of {@code input} goes by default: {@code NAME-signed.EXT} beside it. */
    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String signed = dot > 0 ? name.substring(0, dot) + "-signed" + name.substring(dot) : name + "-signed";
        return input.resolveSibling(signed);
    }

    /**
     * Signs {@code input} into {@code output}.
     *
     * @param overwrite replace an existing output (never the input itself)
     * @throws SignerException INPUT_MISSING, BAD_INPUT, NOT_SIGNABLE, OUTPUT_EXISTS, CERTIFICATE_UNUSABLE, IO,
     *                         SIGNING_FAILED
     */
    public SignOutcome sign(Path input, Path output, boolean overwrite) {
        long start = System.nanoTime();
        DocumentFormat format = DocumentFormat.detect(input);
        requireDistinct(input, output);
        if (!overwrite && Files.exists(output)) {
            throw new SignerException(ErrorCode.OUTPUT_EXISTS, output + ": the output file exists already",
                    "choose another output with -o, or allow replacing it with --force");
        }
        Instant now = Instant.now();
        CertificateCheck.requireUsable(key, now);
        FormatSigner signer = switch (format) {
            case PDF -> {
                PdfTail.requireComplete(input);
                yield pades;
            }
            case XML -> {
                SafeXml.parse(input);
                yield xades;
            }
        };
        DSSDocument signed = signWithDss(signer, input, format, now);
        AtomicOutput.write(output, overwrite, signed::writeTo);
        return new SignOutcome(input, output, format, signer.levelName(), key.info().certificate().displayName(),
                now, (System.nanoTime() - start) / 1_000_000);
    }

    private DSSDocument signWithDss(FormatSigner signer, Path input, DocumentFormat format, Instant now) {
        try {
            return signer.sign(new FileDocument(input.toFile()), key, options, Date.from(now));
        } catch (SignerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw notSignable(input, format, e);
        }
    }

    private static SignerException notSignable(Path input, DocumentFormat format, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidPasswordException) {
                return new SignerException(ErrorCode.NOT_SIGNABLE, input + ": the PDF is password-protected",
                        "remove the password protection before signing", e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SignerException(ErrorCode.NOT_SIGNABLE,
                input + ": this " + format + " cannot be signed: " + reason,
                format == DocumentFormat.PDF ? "check that the PDF opens and is not certified against changes" : null, e);
    }

    private static void requireDistinct(Path input, Path output) {
        boolean same = input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
        try {
            same = same || (Files.exists(output) && Files.isSameFile(input, output));
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, output + ": cannot compare with the input: " + e.getMessage(), null, e);
        }
        if (same) {
            throw new SignerException(ErrorCode.USAGE, output + ": the output would replace the input",
                    "signer never overwrites a document it signs; choose another output with -o");
        }
    }
}
