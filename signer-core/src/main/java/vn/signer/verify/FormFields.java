package vn.signer.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The form fields of a PDF, walked from the AcroForm's field tree with the limits a hostile document
 * needs: each dictionary once (the tree may be a cycle), at most {@link #MAX_DEPTH} levels and
 * {@link #MAX_FIELDS} fields. A tree past a limit is not read in part (a field hidden past it would go
 * unseen): it is {@link TooComplex}.
 */
final class FormFields {
    /** Fields nested deeper than this are not followed (a real form tree is a handful of levels deep). */
    private static final int MAX_DEPTH = 32;
    /** More fields than any real form holds: a hostile tree stops being read here. */
    private static final int MAX_FIELDS = 10_000;

    /**
     * A named field.
     *
     * @param name       the fully qualified name
     * @param type       the field type (/FT), inherited from its ancestors when it has none, or null
     * @param dictionary the field's own dictionary
     */
    record Field(String name, COSName type, COSDictionary dictionary) {
    }

    /** The field tree is deeper or larger than any real form: it is not read. */
    static final class TooComplex extends Exception {
        private static final long serialVersionUID = 1L;

        TooComplex() {
            super("the form's field tree is deeper than " + MAX_DEPTH + " levels or holds more than " + MAX_FIELDS
                    + " fields", null, false, false);
        }
    }

    private FormFields() {
    }

    /** The document's named fields in tree order, the first of two with one fully qualified name kept. */
    static Map<String, Field> of(PDDocument document) throws TooComplex {
        Map<String, Field> fields = new LinkedHashMap<>();
        all(document).forEach(f -> fields.putIfAbsent(f.name(), f));
        return fields;
    }

    /** Every named field in tree order, two with one fully qualified name included. */
    static List<Field> all(PDDocument document) throws TooComplex {
        List<Field> found = new ArrayList<>();
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form
                && form.getDictionaryObject(COSName.FIELDS) instanceof COSArray top) {
            collect(top, "", null, 0, new HashSet<>(), found);
        }
        return found;
    }

    private static void collect(COSArray kids, String prefix, COSName inheritedType, int depth, Set<COSDictionary> seen,
                                List<Field> out) throws TooComplex {
        if (depth > MAX_DEPTH) {
            throw new TooComplex();
        }
        for (int i = 0; i < kids.size(); i++) {
            if (!(kids.getObject(i) instanceof COSDictionary field) || !seen.add(field)) {
                continue;
            }
            if (seen.size() > MAX_FIELDS) {
                throw new TooComplex();
            }
            // A node without a name of its own passes its kids its parent's name (PDF 32000-1, 12.7.3.2).
            String partial = field.getString(COSName.T);
            String name = partial == null ? prefix : prefix.isEmpty() ? partial : prefix + "." + partial;
            COSName type = field.getCOSName(COSName.FT, inheritedType);
            if (partial != null) {
                out.add(new Field(name, type, field));
            }
            if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray children) {
                collect(children, name, type, depth + 1, seen, out);
            }
        }
    }
}
