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
        byte[] value = operate(algorithm, scheme.jcaParameters(keyAlgorithm()), data);
        verifyOwnSignature(data, value, scheme);
        return value;
    }

    /**
     * Signs data prepared elsewhere (by a server's split signing), in the form a raw key operation takes
     * it: for an RSA key the DER DigestInfo of a {@code digest} digest, signed with PKCS#1 v1.5 padding;
     * for an EC key the bare digest. Anything else is refused before the key is touched, so that a key
     * behind an agent never signs arbitrary bytes a caller hands it (a DigestInfo of another length or
     * algorithm, a document, a challenge). The value is checked against the certificate, as {@link #sign}'s are.
     *
     * @param prepared what {@link vn.signer.sign.DataToSign#forRawSigner()} gives
     * @param digest   the digest algorithm {@code prepared} was made with
     * @return the signature value (DER for ECDSA)
     * @throws SignerException BAD_INPUT when {@code prepared} is not of that form, SIGNING_FAILED as {@link #sign}
     */
    public byte[] signPrepared(byte[] prepared, SignatureScheme.Digest digest) {
        boolean rsa = "RSA".equals(keyAlgorithm());
        boolean wellFormed = rsa ? digest.isDigestInfo(prepared) : prepared.length == digest.length();
        if (!wellFormed) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of(rsa ? "key.prepared.notDigestInfo" : "key.prepared.notDigest",
                    digest.jcaName(), prepared.length));
        }
        return signRaw(prepared, rsa ? "NONEwithRSA" : "NONEwithECDSA");
    }

    private byte[] signRaw(byte[] prepared, String algorithm) {
        byte[] value = operate(algorithm, null, prepared);
        boolean ok;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate().getPublicKey());
            verifier.update(prepared);
            ok = verifier.verify(value);
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.cannotCheck", info.describe(),
                    String.valueOf(e.getMessage())), e);
        }
        if (!ok) {
            throw new SignerException(ErrorCode.SIGNING_FAILED, Problem.of("key.wrongSignature", info.describe()));
        }
        return value;
    }

    /** One signature operation of the key, {@code concurrency} permitting. */
    private byte[] operate(String algorithm, AlgorithmParameterSpec parameters, byte[] data) {
        if (!sourceOpen.getAsBoolean()) {
            throw new IllegalStateException("the key source of key " + info.label() + " is closed");
        }
        if (concurrency != null) {
            concurrency.acquireUninterruptibly();
        }
        try {
            Signature signer = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
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
