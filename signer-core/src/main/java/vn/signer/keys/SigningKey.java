package vn.signer.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
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
    private final HashSigner remote;

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
        this.remote = null;
    }

    private SigningKey(KeyInfo info, List<X509Certificate> chain, BooleanSupplier sourceOpen, HashSigner remote) {
        this.info = info;
        this.privateKey = null;
        this.provider = null;
        this.chain = List.copyOf(chain);
        this.sourceOpen = sourceOpen;
        this.concurrency = null;
        this.remote = remote;
    }

    /**
     * A key held elsewhere, which signs hashes: each value it returns is checked against the
     * certificate like a token's, so a wrong value from a remote service is never used.
     *
     * @param chain      the signer's certificate first, then the issuers the service gave
     * @param sourceOpen whether its key source is still open
     */
    public static SigningKey remote(KeyInfo info, List<X509Certificate> chain, BooleanSupplier sourceOpen, HashSigner remote) {
        return new SigningKey(info, chain, sourceOpen, java.util.Objects.requireNonNull(remote, "remote"));
    }

    /** What the key is told of a batch: nothing, unless it is a remote key that gathers hashes. */
    public HashSigner.Batching batching() {
        return remote == null ? HashSigner.Batching.NONE : remote.batching();
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
        if (remote != null) {
            byte[] value = remoteValue(digest(data, scheme), scheme);
            verifyOwnSignature(data, value, scheme);
            return value;
        }
        String algorithm = scheme.jcaAlgorithm(keyAlgorithm());
        byte[] value = run(algorithm, scheme.jcaParameters(keyAlgorithm()), data);
        verifyOwnSignature(data, value, scheme);
        return value;
    }

    /** The remote key's value, an ECDSA one in DER whatever form it came in. */
    private byte[] remoteValue(byte[] digest, SignatureScheme scheme) {
        if (!sourceOpen.getAsBoolean()) {
            throw new IllegalStateException("the key source of key " + info.label() + " is closed");
        }
        byte[] value = remote.signDigest(digest, scheme);
        return certificate().getPublicKey() instanceof java.security.interfaces.ECPublicKey ec ? EcdsaValues.der(ec, value) : value;
    }

    private static byte[] digest(byte[] data, SignatureScheme scheme) {
        try {
            return java.security.MessageDigest.getInstance(scheme.digest().jcaName()).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + scheme.digest().jcaName(), e);
        }
    }

    /** One signature operation with the key, within the key's concurrency. */
    private byte[] run(String algorithm, AlgorithmParameterSpec parameters, byte[] data) {
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
        byte[] value = remote != null ? remoteValue(digest, scheme) : run(algorithm, null, scheme.digestInput(keyAlgorithm(), digest));
        requireOwn(() -> SignatureCheck.verifiesDigest(certificate(), digest, value, scheme));
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
        byte[] bare = rsa ? Arrays.copyOfRange(prepared, prepared.length - digest.length(), prepared.length) : prepared;
        return signDigest(bare, new SignatureScheme(digest, SignatureScheme.RsaPadding.PKCS1_V15));
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
        return "SigningKey[" + info.label() + (info.id() == null ? "" : ", id " + info.id()) + "]";
    }
}
