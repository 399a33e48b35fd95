package vn.signer.remote;

import java.util.Arrays;
import java.util.Optional;
import vn.signer.keys.SignatureScheme;

/**
 * The object identifiers of the CSC API's {@code hashAlgorithmOID}, {@code signAlgo} and key
 * {@code algo} fields (shared by the client and signer-server's CSC service). RSA-PSS is not offered: the
 * hashes are signed with raw RSA PKCS#1 v1.5 or ECDSA, which every token supports.
 */
public final class CscAlgorithms {
    public static final String RSA = "1.2.840.113549.1.1.1";
    public static final String EC = "1.2.840.10045.2.1";
    private static final String[] RSA_WITH = {"1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13"};
    private static final String[] ECDSA_WITH = {"1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4"};

    private CscAlgorithms() {
    }

    /** The digest a {@code hashAlgorithmOID} names, if it is one signer signs with. */
    public static Optional<SignatureScheme.Digest> digest(String oid) {
        return Arrays.stream(SignatureScheme.Digest.values()).filter(d -> d.oid().equals(oid)).findFirst();
    }

    /** The key algorithm's OID, for credentials/info: RSA or EC. */
    public static String keyAlgorithm(String jcaKeyAlgorithm) {
        return "EC".equals(jcaKeyAlgorithm) ? EC : RSA;
    }

    /** The signature algorithms a key of this JCA algorithm signs hashes with, as credentials/info lists them. */
    public static String[] signAlgorithms(String jcaKeyAlgorithm) {
        String[] with = "EC".equals(jcaKeyAlgorithm) ? ECDSA_WITH : RSA_WITH;
        String[] all = Arrays.copyOf(with, with.length + 1);
        all[with.length] = keyAlgorithm(jcaKeyAlgorithm);
        return all;
    }

    /**
     * The digest of a {@code signAlgo} with its digest built in (sha256WithRSAEncryption, say); empty for
     * the bare key algorithm, whose digest {@code hashAlgorithmOID} gives.
     */
    public static Optional<SignatureScheme.Digest> digestOfSignAlgo(String signAlgo) {
        for (String[] family : new String[][] {RSA_WITH, ECDSA_WITH}) {
            int at = Arrays.asList(family).indexOf(signAlgo);
            if (at >= 0) {
                return Optional.of(SignatureScheme.Digest.values()[at]);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code signAlgo} is one a key of this JCA algorithm signs with. */
    public static boolean fits(String signAlgo, String jcaKeyAlgorithm) {
        return Arrays.asList(signAlgorithms(jcaKeyAlgorithm)).contains(signAlgo);
    }

    /** The signAlgo OID for a key algorithm and digest, as a client asks for it. */
    public static String signAlgo(String jcaKeyAlgorithm, SignatureScheme.Digest digest) {
        return ("EC".equals(jcaKeyAlgorithm) ? ECDSA_WITH : RSA_WITH)[digest.ordinal()];
    }
}
