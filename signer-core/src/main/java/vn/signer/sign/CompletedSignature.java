package vn.signer.sign;

import eu.europa.esig.dss.model.SignatureValue;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.signer.SignerException;

/**
 * A prepared signature with its checked value, before the level is reached: {@link #augment()} adds
 * what T, LT and LTA need (the signature timestamp, the validation data, the archive timestamp) with
 * the services of the {@link Signing} that prepared it, and yields the signed document. Its resources
 * are those of the {@link PreparedSignature}, released when that is closed.
 */
public final class CompletedSignature {
    private final Signing signing;
    private final DocumentToSign document;
    private final SignatureOptions options;
    private final Instant signingTime;
    private final String signerName;
    private final PreparedFormat prepared;
    private final SignatureValue value;
    private final AtomicBoolean augmented = new AtomicBoolean();

    CompletedSignature(Signing signing, DocumentToSign document, SignatureOptions options, Instant signingTime,
                       String signerName, PreparedFormat prepared, SignatureValue value) {
        this.signing = signing;
        this.document = document;
        this.options = options;
        this.signingTime = signingTime;
        this.signerName = signerName;
        this.prepared = prepared;
        this.value = value;
    }

    /**
     * Reaches the options' level and yields the signed document; once only.
     *
     * @throws SignerException TIMESTAMP_FAILED, LEVEL_UNREACHABLE, NOT_SIGNABLE, SIGNING_FAILED
     */
    public SignedDocument augment() {
        if (!augmented.compareAndSet(false, true)) {
            throw new IllegalStateException(document.name() + ": this signature has been augmented already");
        }
        var timestamps = signing.services().timestamps();
        if (timestamps != null) {
            timestamps.startRecording();
        }
        SignedOutput output = Documents.withDss(document.name(), document.format(), "sign", () -> prepared.finish(value));
        List<URI> tsas = timestamps == null ? List.of() : timestamps.usedSinceStart();
        return new SignedDocument(output, document.format(), signing.levelName(document.format(), options.level()),
                signerName, signingTime, tsas);
    }
}
