package vn.signer.keys;

/**
 * A key that is not here: it signs hashes sent to where it is (a remote signing service), and may
 * make its holder confirm each authorisation. {@link SigningKey#remote} makes a signing key of it,
 * which checks every value against the certificate before it is used.
 */
public interface HashSigner {
    /**
     * Signs {@code digest} (RSA PKCS#1 v1.5 or ECDSA as {@code scheme} says, for the key's algorithm).
     * Blocks until the value is back, which may take as long as its holder takes to confirm.
     *
     * @return the signature value (DER or raw r||s for ECDSA)
     * @throws vn.signer.SignerException REMOTE_REFUSED, REMOTE_EXPIRED, REMOTE_OTP_REFUSED, PIN_UNAVAILABLE,
     *                                   TOKEN_UNAVAILABLE (the service cannot be reached or answers wrongly)
     */
    byte[] signDigest(byte[] digest, SignatureScheme scheme);

    /**
     * What the key is told of a batch, so that it can ask one authorisation for the hashes of several
     * documents: how many documents may come, and each one finished (signed or not), on the thread
     * that worked on it.
     */
    default Batching batching() {
        return Batching.NONE;
    }

    /** See {@link #batching()}. */
    interface Batching {
        /** A key that asks each hash alone. */
        Batching NONE = new Batching() {
            @Override
            public void started(int documents, int workers) {
            }

            @Override
            public void finished() {
            }
        };

        /** The most hashes one authorisation covers: a batch worked on by as many threads gathers them best. */
        default int maxPerAuthorisation() {
            return 1;
        }

        /** Before the first of {@code documents} documents, worked on by at most {@code workers} threads at once. */
        void started(int documents, int workers);

        /** After each document, on the thread that worked on it. */
        void finished();
    }
}
