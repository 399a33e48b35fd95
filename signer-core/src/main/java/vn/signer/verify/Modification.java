package vn.signer.verify;

/**
 * Something a later revision of a PDF changed after a signature.
 *
 * @param kind        PAGES (added or removed), CONTENT (a page looks different), UNDEFINED (changes DSS
 *                    cannot classify), SIGNATURES_OR_FORM_FIELDS, ANNOTATIONS, ANNOTATION_OVERLAP
 * @param description what changed, in plain words
 * @param allowed     whether the signature allows it (an approval signature allows further signatures,
 *                    form filling and annotations; a certification signature allows what its DocMDP says)
 */
public record Modification(String kind, String description, boolean allowed) {
}
