package vn.signer.appearance;

/** Things about a document worth telling the signer before an appearance is added; none stops signing. */
public enum AppearanceWarning {
    /**
     * The organisation is about to sign a document without the authorised person's signature: under
     * Decree 30 the clerk signs only documents the authorised person has signed.
     */
    NO_PERSONAL_SIGNATURE
}
