package vn.signer.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;

/**
 * A signed document at its level, ready to be written (for detached XML, the signature alone). Valid
 * until it or the {@link PreparedSignature} it came from is closed.
 */
public final class SignedDocument implements AutoCloseable {
    private final SignedOutput output;
    private final DocumentFormat format;
    private final String level;
    private final String signer;
    private final Instant signingTime;
    private final List<URI> timestampAuthorities;

    SignedDocument(SignedOutput output, DocumentFormat format, String level, String signer, Instant signingTime,
                   List<URI> timestampAuthorities) {
        this.output = output;
        this.format = format;
        this.level = level;
        this.signer = signer;
        this.signingTime = signingTime;
        this.timestampAuthorities = List.copyOf(timestampAuthorities);
    }

    /**
     * Writes the signed document to {@code out}.
     *
     * @throws SignerException IO
     */
    public void writeTo(OutputStream out) {
        try {
            output.writeTo(out);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("sign.unwritable", e.getMessage()), e);
        }
    }

    /**
     * Writes the signed document to {@code target} through a temporary file renamed into place: it
     * appears whole or not at all.
     *
     * @param overwrite replace an existing file
     * @throws SignerException OUTPUT_EXISTS, IO
     */
    public void save(Path target, boolean overwrite) {
        output.save(target, overwrite);
    }

    /** {@link #save(Path, boolean)} refusing to replace an existing file. */
    public void save(Path target) {
        save(target, false);
    }

    public DocumentFormat format() {
        return format;
    }

    /** The level name, e.g. PAdES-BASELINE-B. */
    public String level() {
        return level;
    }

    /** The signer's display name. */
    public String signer() {
        return signer;
    }

    /** The signing time written into the signature, a claim that a timestamp proves. */
    public Instant signingTime() {
        return signingTime;
    }

    /** The TSAs that gave this signature its timestamps (none for B-B). */
    public List<URI> timestampAuthorities() {
        return timestampAuthorities;
    }

    /** Removes the temporary files behind the signed document. */
    @Override
    public void close() {
        output.close();
    }
}
