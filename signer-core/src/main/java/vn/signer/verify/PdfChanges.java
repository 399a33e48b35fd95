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
 * @param modifications every change found, each marked allowed or not
 */
record PdfChanges(List<Modification> modifications) {

    /** Descriptions of the changes that make the signature not VALID. */
    List<String> disallowed() {
        return modifications.stream().filter(m -> !m.allowed()).map(Modification::description).toList();
    }

    /** Descriptions of the changes the signature allows. */
    List<String> allowed() {
        return modifications.stream().filter(Modification::allowed).map(Modification::description).toList();
    }

    static PdfChanges after(SignatureWrapper signature, Texts texts) {
        List<Modification> found = new ArrayList<>();
        if (!signature.getPdfPageDifferenceConcernedPages().isEmpty()) {
            found.add(new Modification("PAGES", texts.get("changes.pages",
                    pages(signature.getPdfPageDifferenceConcernedPages(), texts)), false));
        }
        if (!signature.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            found.add(new Modification("CONTENT", texts.get("changes.content",
                    pages(signature.getPdfVisualDifferenceConcernedPages(), texts)), false));
        }
        if (!signature.getPdfUndefinedChanges().isEmpty()) {
            found.add(new Modification("UNDEFINED",
                    texts.get("changes.undefined", describe(signature.getPdfUndefinedChanges())), false));
        }
        if (!signature.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
            found.add(new Modification("ANNOTATION_OVERLAP", texts.get("changes.overlap",
                    pages(signature.getPdfAnnotationsOverlapConcernedPages(), texts)), true));
        }
        // A certification signature (DocMDP) narrows what later revisions may do; DSS's default policy only
        // warns about a breach, so a certified document changed against its own rules would pass as VALID.
        CertificationPermission certified = signature.getDocMDPPermissions();
        if (!signature.getPdfSignatureOrFormFillChanges().isEmpty()) {
            String what = describe(signature.getPdfSignatureOrFormFillChanges());
            boolean forbidden = certified == CertificationPermission.NO_CHANGE_PERMITTED;
            found.add(new Modification("SIGNATURES_OR_FORM_FIELDS", forbidden
                    ? texts.get("changes.signatures.forbidden", what)
                    : texts.get("changes.signatures.allowed", what), !forbidden));
        }
        if (!signature.getPdfAnnotationChanges().isEmpty()) {
            String what = describe(signature.getPdfAnnotationChanges());
            boolean forbidden = certified == CertificationPermission.NO_CHANGE_PERMITTED
                    || certified == CertificationPermission.MINIMAL_CHANGES_PERMITTED;
            found.add(new Modification("ANNOTATIONS", forbidden
                    ? texts.get("changes.annotations.forbidden", what)
                    : texts.get("changes.annotations.allowed", what), !forbidden));
        }
        return new PdfChanges(List.copyOf(found));
    }

    private static String pages(List<BigInteger> pages, Texts texts) {
        return texts.get(pages.size() == 1 ? "changes.page" : "changes.pagesList",
                pages.stream().map(BigInteger::toString).collect(Collectors.joining(", ")));
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
