package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import java.util.Set;
import vn.signer.report.Remark;

/**
 * The algorithms Circular 15/2025/TT-BKHCN does not accept for a signature: digests weaker than
 * SHA-256, RSA keys under 2048 bits, EC keys under 256 bits. DSS's policy calls some of these
 * "could not be established" when nothing proves the signature predates their fall; a signature made
 * with them today fails the rule, which is INVALID.
 */
final class WeakAlgorithms {
    private static final Set<DigestAlgorithm> WEAK_DIGESTS = Set.of(DigestAlgorithm.MD2, DigestAlgorithm.MD5,
            DigestAlgorithm.SHA1, DigestAlgorithm.SHA224, DigestAlgorithm.RIPEMD160, DigestAlgorithm.WHIRLPOOL);

    private WeakAlgorithms() {
    }

    /** Why the signature's own algorithms are not accepted, or null when they are. */
    static Remark of(SignatureWrapper signature) {
        DigestAlgorithm digest = signature.getDigestAlgorithm();
        if (digest != null && WEAK_DIGESTS.contains(digest)) {
            return Remark.of("algorithm.weakDigest", digest.getName());
        }
        EncryptionAlgorithm key = signature.getEncryptionAlgorithm();
        int bits = keyLength(signature.getKeyLengthUsedToSignThisToken());
        if (key == EncryptionAlgorithm.RSA && bits > 0 && bits < 2048) {
            return Remark.of("algorithm.weakKey", "RSA", bits, 2048);
        }
        if ((key == EncryptionAlgorithm.ECDSA || key == EncryptionAlgorithm.EDDSA) && bits > 0 && bits < 256) {
            return Remark.of("algorithm.weakKey", key.getName(), bits, 256);
        }
        return null;
    }

    private static int keyLength(String length) {
        try {
            return length == null ? 0 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            // DSS writes "?" when it could not tell the length: nothing to judge by.
            return 0;
        }
    }
}
