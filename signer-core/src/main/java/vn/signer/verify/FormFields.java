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
 * {@link #MAX_FIELDS} fields.
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

    private FormFields() {
    }

    /** The document's named fields in tree order, fully qualified names first seen kept. */
    static Map<String, Field> of(PDDocument document) {
        Map<String, Field> fields = new LinkedHashMap<>();
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form
                && form.getDictionaryObject(COSName.FIELDS) instanceof COSArray top) {
            List<Field> found = new ArrayList<>();
            collect(top, "", null, 0, new HashSet<>(), found);
            found.forEach(f -> fields.putIfAbsent(f.name(), f));
        }
        return fields;
    }

    private static void collect(COSArray kids, String prefix, COSName inheritedType, int depth, Set<COSDictionary> seen,
                                List<Field> out) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (int i = 0; i < kids.size() && seen.size() < MAX_FIELDS; i++) {
            if (!(kids.getObject(i) instanceof COSDictionary field) || !seen.add(field)) {
                continue;
            }
            String partial = field.getString(COSName.T);
            if (partial == null) {
                continue;
            }
            String name = prefix.isEmpty() ? partial : prefix + "." + partial;
            COSName type = field.getCOSName(COSName.FT, inheritedType);
            out.add(new Field(name, type, field));
            if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray children) {
                collect(children, name, type, depth + 1, seen, out);
            }
        }
    }
}
