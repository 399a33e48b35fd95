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
        String algorithm = scheme.jcaAlgorithm(keyAlgorithm());
        byte[] value = run(algorithm, scheme.jcaParameters(keyAlgorithm()), data);
        verifyOwnSignature(data, value, scheme);
        return value;
    }

    /** One signature operation with the key, within the key's concurrency. */
    private byte[] run(String algorithm, AlgorithmParameterSpec parameters, byte[] data) {
        if (!sourceOpen.getAsBoolean()) {
            throw new IllegalStateException("the key source of " + info.describe() + " is closed");
        }
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
            return signer.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.cannotSign", info.describe(), String.valueOf(algorithm),
                    String.valueOf(e.getMessage())), e);
        } finally {
            if (concurrency != null) {
                concurrency.release();
            }
        }
    }

    /**
     * Signs a digest computed elsewhere (what a remote signing service receives: the hash alone), as
     * raw RSA PKCS#1 v1.5 over its DigestInfo or ECDSA over the digest, and checks the value against
     * the certificate as {@link #sign} does.
     *
     * @param digest the digest, as long as {@code scheme}'s digest algorithm makes it
     * @return the signature value (DER for ECDSA)
     * @throws IllegalArgumentException for a digest of another length, or RSA-PSS
     */
    public byte[] signDigest(byte[] digest, SignatureScheme scheme) {
        if (digest.length != scheme.digest().length()) {
            throw new IllegalArgumentException("a " + scheme.digest().jcaName() + " digest has " + scheme.digest().length()
                    + " bytes, not " + digest.length);
        }
        String algorithm = scheme.jcaDigestAlgorithm(keyAlgorithm());
        byte[] value = run(algorithm, null, scheme.digestInput(keyAlgorithm(), digest));
        requireOwn(() -> SignatureCheck.verifiesDigest(certificate(), digest, value, scheme));
        return value;
    }

    /** A check of a value just made against the certificate. */
    private interface OwnCheck {
        boolean verifies() throws GeneralSecurityException;
    }

    /** A faulty token or a key that does not match its certificate must never yield a signature. */
    private void verifyOwnSignature(byte[] data, byte[] value, SignatureScheme scheme) {
        requireOwn(() -> SignatureCheck.verifies(certificate(), data, value, scheme));
    }

    private void requireOwn(OwnCheck check) {
        boolean ok;
        try {
            ok = check.verifies();
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
        return "SigningKey[" + info.describe() + "]";
    }
}
