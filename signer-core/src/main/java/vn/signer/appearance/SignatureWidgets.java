package vn.signer.appearance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/** The visible widgets of the signatures already on a PDF, in document order. */
final class SignatureWidgets {
    private SignatureWidgets() {
    }

    /** Boxes of the signed signature fields that are visible (have an area on a page). */
    static List<Box> signed(PDDocument document) throws IOException {
        List<Box> boxes = new ArrayList<>();
        for (PDSignatureField field : document.getSignatureFields()) {
            if (field.getSignature() == null) {
                continue;
            }
            for (PDAnnotationWidget widget : field.getWidgets()) {
                PDRectangle r = widget.getRectangle();
                int page = pageOf(document, widget);
                if (r != null && r.getWidth() > 0 && r.getHeight() > 0 && page > 0) {
                    boxes.add(new Box(page, r.getLowerLeftX(), r.getLowerLeftY(), r.getWidth(), r.getHeight()));
                }
            }
        }
        return boxes;
    }

    /** Whether the document carries any signature at all, visible or not. */
    static boolean anySigned(PDDocument document) throws IOException {
        return document.getSignatureFields().stream().anyMatch(f -> f.getSignature() != null);
    }

    /** The widget's page from 1, or 0: /P is optional, so look through the pages' annotations too. */
    private static int pageOf(PDDocument document, PDAnnotationWidget widget) throws IOException {
        if (widget.getPage() != null) {
            return document.getPages().indexOf(widget.getPage()) + 1;
        }
        int n = 1;
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation.getCOSObject() == widget.getCOSObject()) {
                    return n;
                }
            }
            n++;
        }
        return 0;
    }
}
