package vn.signer.verify;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.signer.report.Remark;

/**
 * What DSS found later revisions of a PDF changed after a signature: page content, pages added or
 * removed, anything DSS cannot classify, whatever a certification signature's DocMDP permission
 * forbids (none allowed), and annotations overlapping each other (allowed).
 *
 * @param modifications every change found, each marked allowed or not
 */
record PdfChanges(List<Modification> modifications) {

    /** Descriptions of the changes that make the signature not VALID. */
    List<Remark> disallowed() {
        return modifications.stream().filter(m -> !m.allowed()).map(Modification::description).toList();
    }

    /** Descriptions of the changes the signature allows. */
    List<Remark> allowed() {
        return modifications.stream().filter(Modification::allowed).map(Modification::description).toList();
    }

    static PdfChanges after(SignatureWrapper signature) {
        List<Modification> found = new ArrayList<>();
        if (!signature.getPdfPageDifferenceConcernedPages().isEmpty()) {
            found.add(new Modification("PAGES", Remark.of("changes.pages",
                    pages(signature.getPdfPageDifferenceConcernedPages())), false));
        }
        if (!signature.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            found.add(new Modification("CONTENT", Remark.of("changes.content",
                    pages(signature.getPdfVisualDifferenceConcernedPages())), false));
        }
        if (!signature.getPdfUndefinedChanges().isEmpty()) {
            found.add(new Modification("UNDEFINED",
                    Remark.of("changes.undefined", describe(signature.getPdfUndefinedChanges())), false));
        }
        if (!signature.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
            found.add(new Modification("ANNOTATION_OVERLAP", Remark.of("changes.overlap",
                    pages(signature.getPdfAnnotationsOverlapConcernedPages())), true));
        }
        // A certification signature (DocMDP) narrows what later revisions may do; DSS's default policy only
        // warns about a breach, so a certified document changed against its own rules would pass as VALID.
        // What DSS allows is not repeated here: signer judges annotations and fields itself (UnsignedChanges)
        // and names the later signatures that made the rest, and DSS's object paths say little to a reader.
        CertificationPermission certified = signature.getDocMDPPermissions();
        if (!signature.getPdfSignatureOrFormFillChanges().isEmpty() && certified == CertificationPermission.NO_CHANGE_PERMITTED) {
            found.add(new Modification("SIGNATURES_OR_FORM_FIELDS",
                    Remark.of("changes.signatures.forbidden", describe(signature.getPdfSignatureOrFormFillChanges())), false));
        }
        if (!signature.getPdfAnnotationChanges().isEmpty() && (certified == CertificationPermission.NO_CHANGE_PERMITTED
                || certified == CertificationPermission.MINIMAL_CHANGES_PERMITTED)) {
            found.add(new Modification("ANNOTATIONS",
                    Remark.of("changes.annotations.forbidden", describe(signature.getPdfAnnotationChanges())), false));
        }
        return new PdfChanges(List.copyOf(found));
    }

    private static Remark pages(List<BigInteger> pages) {
        return Remark.of(pages.size() == 1 ? "changes.page" : "changes.pagesList",
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
