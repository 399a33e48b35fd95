package vn.signer.net;

/**
 * What a request fetches, and so how large its answer may be. A larger answer is refused before it
 * is read: a document names the addresses, and an answer without end must not fill the heap.
 */
public enum AnswerKind {
    /**
     * A CA certificate (AIA "CA issuers"), DER or a PKCS#7 bundle. Real ones are 1 to 2 KB and a
     * bundle of a whole chain under 10 KB; 64 KB leaves room for large extensions.
     */
    CERTIFICATE(64 * 1024),
    /**
     * A CRL. A CRL entry takes about 40 bytes: 16 MB holds some 400,000 revoked certificates, more
     * than the largest public CAs publish in one CRL, and sixteen verifications fetching one each at
     * the same time stay within a 512 MB heap.
     */
    CRL(16 * 1024 * 1024),
    /** An OCSP response: a few KB with the responder's chain; 64 KB is ample. */
    OCSP(64 * 1024),
    /** An RFC 3161 timestamp response: a few KB with the TSA's chain; 64 KB is ample. */
    TIMESTAMP(64 * 1024);

    private final int maxBytes;

    AnswerKind(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest answer read, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }
}
