package vn.signer.sign;

/** Where an XML signature sits relative to the signed document. */
public enum XmlPackaging {
    /** Inside the signed document, as the last child of its root (the default). */
    ENVELOPED,
    /** The signed document inside the signature. */
    ENVELOPING,
    /** A separate signature file that refers to the document by name. */
    DETACHED
}
