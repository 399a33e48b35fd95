package vn.signer.sign;

/** ETSI baseline levels, the same for PAdES and XAdES. */
public enum Level {
    /** The signature and the signer's certificate. */
    B,
    /** B plus a timestamp on the signature: proves it existed at that time. Needs a TSA. */
    T,
    /** T plus the certificates and revocation data to validate it later, offline. Needs the network. */
    LT,
    /** LT plus an archive timestamp, renewable, that keeps it provable for decades. */
    LTA;

    /** Whether this level needs a timestamp authority. */
    public boolean needsTimestamp() {
        return this != B;
    }

    /** Whether this level embeds validation data (chain and revocation). */
    public boolean needsValidationData() {
        return this == LT || this == LTA;
    }
}
