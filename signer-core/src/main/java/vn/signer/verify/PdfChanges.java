package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What later revisions of a PDF changed after a signature, split into changes an approval signature
 * allows (further signatures, form filling, annotations such as a signature widget) and changes it
 * does not (page content, pages added or removed, anything DSS cannot classify, and whatever a
 * certification signature's DocMDP permission forbids).
 *
 * @param allowed    plain descriptions of allowed changes
 * @param disallowed plain descriptions of changes that make the signature not VALID
 */
record PdfChanges(List<String> allowed, List<String> disallowed) {

    static PdfChanges after(SignatureWrapper signature) {
        List<String> allowed = new ArrayList<>();
        List<String> disallowed = new ArrayList<>();
        if (!signature.getPdfPageDifferenceConcernedPages().isEmpty()) {
            disallowed.add("pages were added or removed after signing (" + pages(signature.getPdfPageDifferenceConcernedPages()) + ")");
        }
        if (!signature.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            disallowed.add("the content of " + pages(signature.getPdfVisualDifferenceConcernedPages())
                    + " looks different from what was signed");
        }
        if (!signature.getPdfUndefinedChanges().isEmpty()) {
            disallowed.add("the document was changed after signing: " + describe(signature.getPdfUndefinedChanges()));
        }
        if (!signature.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
            allowed.add("annotations added after signing overlap each other on "
                    + pages(signature.getPdfAnnotationsOverlapConcernedPages()));
        }
        // A certification signature (DocMDP) narrows what later revisions may do; DSS's default policy only
        // warns about a breach, so a certified document changed against its own rules would pass as VALID.
        CertificationPermission certified = signature.getDocMDPPermissions();
        if (!signature.getPdfSignatureOrFormFillChanges().isEmpty()) {
            String what = describe(signature.getPdfSignatureOrFormFillChanges());
            if (certified == CertificationPermission.NO_CHANGE_PERMITTED) {
                disallowed.add("later revisions add signatures or fill form fields, which the certification forbids: " + what);
            } else {
                allowed.add("later revisions add signatures or fill form fields (allowed): " + what);
            }
        }
        if (!signature.getPdfAnnotationChanges().isEmpty()) {
            String what = describe(signature.getPdfAnnotationChanges());
            if (certified == CertificationPermission.NO_CHANGE_PERMITTED
                    || certified == CertificationPermission.MINIMAL_CHANGES_PERMITTED) {
                disallowed.add("later revisions change annotations, which the certification forbids: " + what);
            } else {
                allowed.add("later revisions change annotations (allowed): " + what);
            }
        }
        return new PdfChanges(allowed, disallowed);
    }

    private static String pages(List<BigInteger> pages) {
        return (pages.size() == 1 ? "page " : "pages ")
                + pages.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
    }

    private static String describe(List<XmlObjectModification> changes) {
        return changes.stream().limit(5)
                .map(c -> c.getAction().name().toLowerCase() + " " + (c.getType() != null ? c.getType() : c.getValue())
                        + (c.getFieldName() != null ? " (field " + c.getFieldName() + ")" : ""))
                .distinct()
                .collect(Collectors.joining(", "))
                + (changes.size() > 5 ? ", …" : "");
    }
}
