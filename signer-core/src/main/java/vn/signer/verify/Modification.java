package vn.signer.verify;

import vn.signer.report.Remark;

/**
 * Something a later revision of a PDF changed after a signature.
 *
 * @param kind        PAGES (added or removed), CONTENT (a page looks different), UNDEFINED (changes DSS
 *                    cannot classify), SIGNATURES_OR_FORM_FIELDS, ANNOTATIONS, ANNOTATION_OVERLAP
 * @param description what changed, as a code and its facts
 * @param allowed     whether the signature allows it (an approval signature allows further signatures,
 *                    form filling and annotations; a certification signature allows what its DocMDP says)
 */
public record Modification(String kind, Remark description, boolean allowed) {
}
