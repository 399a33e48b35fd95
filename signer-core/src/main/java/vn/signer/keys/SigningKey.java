package vn.signer.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * A key selected from an open {@link KeySource}, ready to sign. It never exposes the private key
 * (on a token it is only a handle), it checks every signature it makes against its own certificate
 * before returning it, and it stops working once its key source is closed.
 * Safe to use from several threads.
 */
public final class SigningKey {
    private final KeyInfo info;
    private final PrivateKey privateKey;
    private final Provider provider;
    private final List<X509Certificate> chain;
    private final BooleanSupplier sourceOpen;
    private final Semaphore concurrency;

    /**
     * @param concurrency how many signatures the key takes at once (a USB token: one), or null for no limit
     */
    SigningKey(KeyInfo info, PrivateKey privateKey, Provider provider, List<X509Certificate> chain,
               BooleanSupplier sourceOpen, Semaphore concurrency) {
        this.info = info;
        this.privateKey = privateKey;
        this.provider = provider;
        this.chain = List.copyOf(chain);
        this.sourceOpen = sourceOpen;
        this.concurrency = concurrency;
    }

    public KeyInfo info() {
        return info;
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's certificate first, then the issuers the key source holds (maybe none). */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** RSA or EC. */
    public String keyAlgorithm() {
        return certificate().getPublicKey().getAlgorithm();
    }

    /**
     * Signs {@code data} (the whole to-be-signed bytes; the digest is computed here or on the token).
     *
     * @return the signature value (DER for ECDSA)
     */
    public byte[] sign(byte[] data, SignatureScheme scheme) {
        if (!sourceOpen.getAsBoolean()) {
            throw new IllegalStateException("the key source of key " + info.label() + " is closed");
        }
        String algorithm = scheme.jcaAlgorithm(keyAlgorithm());
        AlgorithmParameterSpec parameters = scheme.jcaParameters(keyAlgorithm());
        byte[] value;
        if (concurrency != null) {
            concurrency.acquireUninterruptibly();
        }
        try {
            Signature signer = provider == null ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, provider);
            if (parameters != null) {
                signer.setParameter(parameters);
            }
            signer.initSign(privateKey);
            signer.update(data);
            value = signer.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.cannotSign", info.describe(), String.valueOf(algorithm),
                    String.valueOf(e.getMessage())), e);
        } finally {
            if (concurrency != null) {
                concurrency.release();
            }
        }
        verifyOwnSignature(data, value, scheme);
        return value;
    }

    /** A faulty token or a key that does not match its certificate must never yield a signature. */
    private void verifyOwnSignature(byte[] data, byte[] value, SignatureScheme scheme) {
        boolean ok;
        try {
            ok = SignatureCheck.verifies(certificate(), data, value, scheme);
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.cannotCheck", info.describe(),
                    String.valueOf(e.getMessage())), e);
        }
        if (!ok) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.wrongSignature", info.describe()));
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + info.label() + (info.id() == null ? "" : ", id " + info.id()) + "]";
    }
}
