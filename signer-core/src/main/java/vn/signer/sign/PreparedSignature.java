package vn.signer.sign;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.SigningKey;

/**
 * A document prepared for one signature, every parameter fixed (the signing time above all): what
 * remains is the signature value, from wherever the key is. It can be completed once. Holds the
 * prepared document (for a large PDF, temporary files) until closed; close it when done, whatever
 * became of it. Not for use from several threads at once.
 */
public final class PreparedSignature implements AutoCloseable {
    private final Signing signing;
    private final DocumentToSign document;
    private final X509Certificate signer;
    private final String signerName;
    private final SignatureAlgorithm algorithm;
    private final SignatureOptions options;
    private final Instant signingTime;
    private final PreparedFormat prepared;
    private final DataToSign data;
    private final AtomicBoolean completed = new AtomicBoolean();

    PreparedSignature(Signing signing, DocumentToSign document, X509Certificate signer, String signerName,
                      SignatureOptions options, Instant signingTime, PreparedFormat prepared) {
        this.signing = signing;
        this.document = document;
        this.signer = signer;
        this.signerName = signerName;
        this.algorithm = DssParameters.signatureAlgorithm(signer, options.scheme());
        this.options = options;
        this.signingTime = signingTime;
        this.prepared = prepared;
        this.data = new DataToSign(prepared.toBeSigned(), options.scheme(), algorithm.getJCEId(), signer.getPublicKey().getAlgorithm());
    }

    /** What the key must sign. */
    public DataToSign dataToSign() {
        return data;
    }

    /** The signing time written into the signature, fixed when the document was prepared. */
    public Instant signingTime() {
        return signingTime;
    }

    /** The signer's certificate, which the signature value must verify with. */
    public X509Certificate signer() {
        return signer;
    }

    public SignatureOptions options() {
        return options;
    }

    /**
     * Completes the signature with a value made elsewhere over {@link #dataToSign()}. The value is checked
     * against the signer's certificate before anything is written; a wrong value is refused, never embedded,
     * and spends this prepared signature like a right one (prepare again).
     *
     * @param signatureValue PKCS#1 (v1.5 or PSS, as the options say) for RSA; DER for ECDSA, or raw r||s,
     *                       which is converted to DER
     * @throws SignerException SIGNATURE_VALUE_REFUSED (a wrong value, or completed already)
     */
    public CompletedSignature complete(byte[] signatureValue) {
        Objects.requireNonNull(signatureValue, "signatureValue");
        if (!completed.compareAndSet(false, true)) {
            throw new SignerException(ErrorCode.SIGNATURE_VALUE_REFUSED, Problem.of("sign.value.completedAlready", document.name()));
        }
        byte[] value = SignatureValues.requireValid(signer, signerName, data, signatureValue);
        return new CompletedSignature(signing, document, options, signingTime, signerName, prepared,
                new SignatureValue(algorithm, value));
    }

    /**
     * Completes the signature with {@code key}, which must be the key of {@link #signer()}.
     *
     * @throws SignerException SIGNING_FAILED (the key failed), SIGNATURE_VALUE_REFUSED (another key, or completed already)
     */
    public CompletedSignature complete(SigningKey key) {
        return complete(key.sign(data.bytes(), options.scheme()));
    }

    /** Removes the temporary files of the prepared document, and of the signed one made from it. */
    @Override
    public void close() {
        prepared.close();
    }
}
