package vn.signer.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.signer.report.Remark;

/**
 * What a revision that no signature covers changed in what a person sees, compared object by object
 * with the revision before it. Only what is known to leave the signed content as it was shown is
 * allowed: revocation data (the DSS dictionary), metadata, the filling of fields that were empty,
 * signature fields and annotations that draw nothing, and comment notes that cover nothing signed.
 * Everything else that is shown — page content, resources, fonts and images, annotations and widgets
 * added, changed or removed, field values replaced — is not: those are the shadow attacks' tools
 * ("hide", "replace" and "hide-and-replace": Mainka, Mladenov, Rohlmann, Schwenk, NDSS 2021).
 */
final class UnsignedChanges {
    /** Catalog entries an unsigned revision may change: form, revocation data, metadata, version. */
    private static final Set<COSName> CATALOG_ALLOWED = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.METADATA, COSName.VERSION, COSName.getPDFName("Extensions"));
    /** AcroForm entries that do not change what is drawn by themselves; fields are checked one by one. */
    private static final Set<COSName> FORM_ALLOWED = Set.of(COSName.FIELDS, COSName.getPDFName("SigFlags"),
            COSName.DR, COSName.DA, COSName.NEED_APPEARANCES);
    /** Annotation entries that change nothing drawn: modification date, popup link, open state, name. */
    private static final Set<COSName> ANNOTATION_HARMLESS = Set.of(COSName.M, COSName.getPDFName("Popup"),
            COSName.getPDFName("Open"), COSName.NM);
    /** Widget entries that filling its field changes: the appearance and its state. */
    private static final Set<COSName> FILLING = Set.of(COSName.AP, COSName.AS, COSName.V, COSName.M);
    private static final COSName POPUP = COSName.getPDFName("Popup");
    private static final COSName TEXT = COSName.getPDFName("Text");
    private static final int HIDDEN = 1 << 1;
    private static final int NO_VIEW = 1 << 5;
    /** A fill-in box may cross a dotted line or an underline; signed text under it inks far more of it. */
    private static final double FILL_INK = 0.05;
    /** A comment note shows as an icon; a larger "note" draws whatever its author likes on the page. */
    private static final float NOTE_ICON = 40;
    private static final long OBJECT_BUDGET = 2_000_000;
    private static final long BYTE_BUDGET = 256L * 1024 * 1024;

    /**
     * One change.
     *
     * @param kind    what was changed: PAGE_CONTENT, ANNOTATION, SIGNATURE_WIDGET, FORM_FIELD, DOCUMENT
     * @param remark  the change in words
     * @param allowed whether it leaves what was signed shown as it was
     * @param field   the form field it fills or changes, or null: a signature may lock its fields
     */
    record Change(String kind, Remark remark, boolean allowed, String field) {

        Change(String kind, Remark remark, boolean allowed) {
            this(kind, remark, allowed, null);
        }
    }

    private final PDDocument before;
    private final PDDocument after;
    private final CosComparison compare;
    private final SignedContentArea signedContent;
    private final Map<String, FormFields.Field> fieldsBefore;
    private final Map<String, FormFields.Field> fieldsAfter;
    private final List<Change> changes = new ArrayList<>();

    private UnsignedChanges(PDDocument before, PDDocument after) throws FormFields.TooComplex {
        this.before = before;
        this.after = after;
        this.compare = new CosComparison(before, after, OBJECT_BUDGET, BYTE_BUDGET);
        this.signedContent = new SignedContentArea(before);
        this.fieldsBefore = FormFields.of(before);
        this.fieldsAfter = FormFields.of(after);
    }

    /**
     * The changes from {@code before} to {@code after}, a later revision of the same file.
     *
     * @throws CosComparison.Exhausted when the documents are too large or too convoluted to compare in full
     * @throws FormFields.TooComplex   when a form's field tree is past the limits of any real form
     * @throws IOException             when a page of the earlier revision cannot be drawn
     */
    static List<Change> between(PDDocument before, PDDocument after)
            throws CosComparison.Exhausted, FormFields.TooComplex, IOException {
        UnsignedChanges diff = new UnsignedChanges(before, after);
        diff.catalog();
        diff.pages();
        diff.fields();
        return List.copyOf(diff.changes);
    }

    private void catalog() throws CosComparison.Exhausted {
        COSDictionary a = before.getDocumentCatalog().getCOSObject();
        COSDictionary b = after.getDocumentCatalog().getCOSObject();
        Set<COSName> changed = compare.differingEntries(a, b);
        changed.removeAll(CATALOG_ALLOWED);
        changed.remove(COSName.PAGES);
        if (!changed.isEmpty()) {
            changes.add(new Change("DOCUMENT", Remark.of("pdf.unsigned.catalog", names(changed)), false));
        }
        if (a.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary fa
                && b.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary fb) {
            Set<COSName> form = compare.differingEntries(fa, fb);
            form.removeAll(FORM_ALLOWED);
            if (!form.isEmpty()) {
                changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.form", names(form)), false));
            }
        }
    }

    private void pages() throws CosComparison.Exhausted, IOException {
        int count = before.getNumberOfPages();
        if (after.getNumberOfPages() != count) {
            changes.add(new Change("PAGE_CONTENT", Remark.of("pdf.unsigned.pageCount", count, after.getNumberOfPages()), false));
        }
        Set<COSObjectKey> filledWidgets = filledWidgets();
        for (int i = 0; i < Math.min(count, after.getNumberOfPages()); i++) {
            PDPage a = before.getPage(i);
            PDPage b = after.getPage(i);
            if (!PageContent.same(compare, a, b)) {
                changes.add(new Change("PAGE_CONTENT", Remark.of("pdf.unsigned.pageContent", i + 1), false));
            }
            annotations(i, a, b, filledWidgets);
        }
    }

    private void annotations(int index, PDPage a, PDPage b, Set<COSObjectKey> filledWidgets)
            throws CosComparison.Exhausted, IOException {
        int page = index + 1;
        List<COSBase> was = annotationList(a);
        List<COSBase> is = annotationList(b);
        for (COSBase annotation : is) {
            COSBase match = matching(annotation, was);
            COSDictionary dictionary = dictionary(annotation);
            if (dictionary == null) {
                continue;
            }
            String subtype = subtype(dictionary);
            if (match == null) {
                added(page, b, dictionary, subtype);
            } else if (!compare.same(match, annotation)) {
                Set<COSName> changed = compare.differingEntries(dictionary(match), dictionary);
                changed.removeAll(ANNOTATION_HARMLESS);
                boolean filling = annotation instanceof COSObject ref && filledWidgets.contains(ref.getKey())
                        && FILLING.containsAll(changed);
                if (filling || changed.isEmpty()) {
                    continue;
                }
                boolean shown = visible(dictionary(match), a) || visible(dictionary, b);
                changes.add(new Change(kindOf(dictionary), Remark.of("pdf.unsigned.annotationChanged", subtype, page, names(changed)),
                        !shown));
            }
        }
        for (COSBase annotation : was) {
            COSDictionary dictionary = dictionary(annotation);
            if (dictionary != null && matching(annotation, is) == null && visible(dictionary, a)) {
                changes.add(new Change("ANNOTATION", Remark.of("pdf.unsigned.annotationRemoved", subtype(dictionary), page), false));
            }
        }
    }

    private void added(int page, PDPage on, COSDictionary annotation, String subtype) throws IOException {
        if (!visible(annotation, on)) {
            changes.add(new Change("ANNOTATION", Remark.of("pdf.unsigned.annotationInvisible", subtype, page), true));
            return;
        }
        PDRectangle rect = rectangle(annotation);
        // A note is allowed at icon size; a link only as a border, with nothing of its own drawn.
        boolean comment = TEXT.getName().equals(subtype) && rect != null && rect.getWidth() <= NOTE_ICON
                && rect.getHeight() <= NOTE_ICON
                || COSName.LINK.getName().equals(subtype) && appearanceOf(annotation).kind() == Appearance.Kind.NONE
                || POPUP.getName().equals(subtype) && appearanceOf(annotation).kind() == Appearance.Kind.NONE;
        boolean coversSigned = rect == null || signedContent.inked(page - 1, rect, true) > 0;
        if (comment && !coversSigned) {
            changes.add(new Change("ANNOTATION", Remark.of("pdf.unsigned.comment", subtype, page), true));
        } else {
            changes.add(new Change(kindOf(annotation), Remark.of(coversSigned ? "pdf.unsigned.overlay" : "pdf.unsigned.annotationAdded",
                    subtype, page, describe(rect)), false));
        }
    }

    /**
     * SIGNATURE_WIDGET for the widget of a signature field (its appearance is the signer's own, which a
     * later valid signature vouches for: the seal over the personal signature), else ANNOTATION.
     */
    private static String kindOf(COSDictionary annotation) {
        COSDictionary field = annotation.getItem(COSName.FT) != null || annotation.getItem(COSName.T) != null ? annotation
                : annotation.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent ? parent : null;
        return field != null && COSName.SIG.equals(field.getCOSName(COSName.FT)) ? "SIGNATURE_WIDGET" : "ANNOTATION";
    }

    /** Fields whose value changed: an empty one filled is allowed (its widgets may redraw), a value replaced is not. */
    private Set<COSObjectKey> filledWidgets() throws CosComparison.Exhausted, IOException {
        Set<COSObjectKey> widgets = new HashSet<>();
        for (FormFields.Field field : fieldsAfter.values()) {
            FormFields.Field old = fieldsBefore.get(field.name());
            if (old == null || COSName.SIG.equals(field.type())) {
                continue;
            }
            COSBase oldValue = old.dictionary().getItem(COSName.V);
            COSBase newValue = field.dictionary().getItem(COSName.V);
            if (compare.same(oldValue, newValue)) {
                continue;
            }
            if (isEmpty(oldValue)) {
                // A field placed over signed text before signing, then filled with an opaque box, hides it:
                // the shadow attacks' form variant. Fill-in boxes lie on blank paper or a dotted line.
                String over = widgetOverSignedContent(old.dictionary());
                if (over != null) {
                    changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.filledOver", field.name(), over), false, field.name()));
                } else {
                    changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.filled", field.name()), true, field.name()));
                    widgetKids(field.dictionary()).forEach(w -> {
                        if (w instanceof COSObject ref) {
                            widgets.add(ref.getKey());
                        }
                    });
                    if (field.dictionary().getKey() != null) {
                        widgets.add(field.dictionary().getKey());
                    }
                }
            } else {
                changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.valueReplaced", field.name()), false));
            }
        }
        return widgets;
    }

    /** The page of a field's widget in the signed revision when it lies over signed page content, else null. */
    private String widgetOverSignedContent(COSDictionary field) throws IOException {
        List<COSDictionary> widgets = new ArrayList<>(widgetKids(field).stream().map(UnsignedChanges::dictionary).toList());
        if (field.getItem(COSName.RECT) != null) {
            widgets.add(field);
        }
        for (int i = 0; i < before.getNumberOfPages(); i++) {
            List<COSBase> annotations = annotationList(before.getPage(i));
            for (COSDictionary widget : widgets) {
                PDRectangle rect = rectangle(widget);
                boolean onPage = annotations.stream().anyMatch(a -> dictionary(a) == widget);
                if (onPage && (rect == null || signedContent.inked(i, rect, false) > FILL_INK)) {
                    return String.valueOf(i + 1);
                }
            }
        }
        return null;
    }

    private void fields() throws CosComparison.Exhausted {
        for (FormFields.Field old : fieldsBefore.values()) {
            FormFields.Field now = fieldsAfter.get(old.name());
            if (now == null) {
                changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.fieldRemoved", old.name()), false));
                continue;
            }
            // The value is judged above; its kids are widgets judged with the page's annotations.
            Set<COSName> changed = compare.differingEntries(old.dictionary(), now.dictionary());
            changed.removeAll(Set.of(COSName.V, COSName.KIDS, COSName.AP, COSName.AS, COSName.M));
            changed.removeAll(ANNOTATION_HARMLESS);
            if (!changed.isEmpty() && !COSName.SIG.equals(now.type())) {
                changes.add(new Change("FORM_FIELD", Remark.of("pdf.unsigned.fieldChanged", old.name(), names(changed)), false));
            }
        }
    }

    /** A field's kids that have no name of their own: its widgets, beside the field itself (a field and its widget may be one). */
    private static List<COSBase> widgetKids(COSDictionary field) {
        List<COSBase> widgets = new ArrayList<>();
        if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid && kid.getItem(COSName.T) == null) {
                    widgets.add(kids.get(i));
                }
            }
        }
        return widgets;
    }

    private static boolean isEmpty(COSBase value) {
        COSBase v = value instanceof COSObject ref ? ref.getObject() : value;
        if (v == null || v instanceof COSNull) {
            return true;
        }
        if (v instanceof COSString s) {
            return s.getBytes().length == 0;
        }
        if (v instanceof COSName n) {
            return n.getName().equals("Off") || n.getName().isEmpty();
        }
        return v instanceof COSArray array && array.size() == 0;
    }

    /**
     * Whether an annotation may draw anything a viewer shows on the page. A widget with no appearance and
     * no border or background, a popup with no appearance (a window shown on demand, not page content)
     * and a link with no appearance and no border draw nothing; any other kind without an appearance is
     * drawn by the viewer from its entries. An appearance that cannot be told (several states, none
     * chosen) counts as drawn.
     */
    private static boolean visible(COSDictionary annotation, PDPage page) {
        int flags = annotation.getInt(COSName.F, 0);
        PDRectangle rect = rectangle(annotation);
        if ((flags & (HIDDEN | NO_VIEW)) != 0 || rect == null || rect.getWidth() <= 0 || rect.getHeight() <= 0) {
            return false;
        }
        PDRectangle crop = page.getCropBox();
        if (rect.getUpperRightX() <= crop.getLowerLeftX() || rect.getLowerLeftX() >= crop.getUpperRightX()
                || rect.getUpperRightY() <= crop.getLowerLeftY() || rect.getLowerLeftY() >= crop.getUpperRightY()) {
            return false;
        }
        Appearance appearance = appearanceOf(annotation);
        if (appearance.kind() == Appearance.Kind.STREAM) {
            return appearance.stream().getLength() > 0 && !blank(appearance.stream());
        }
        if (appearance.kind() == Appearance.Kind.UNKNOWN) {
            return true;
        }
        String subtype = subtype(annotation);
        if (COSName.WIDGET.getName().equals(subtype)) {
            return annotation.getDictionaryObject(COSName.MK) instanceof COSDictionary mk
                    && (mk.getDictionaryObject(COSName.BG) instanceof COSArray bg && bg.size() > 0
                    || mk.getDictionaryObject(COSName.BC) instanceof COSArray bc && bc.size() > 0);
        }
        if (COSName.LINK.getName().equals(subtype)) {
            return borderWidth(annotation) > 0;
        }
        return !POPUP.getName().equals(subtype);
    }

    /** A border's width: /BS /W when there is a /BS (it overrides /Border), else /Border's third number; 1 by default. */
    private static float borderWidth(COSDictionary annotation) {
        if (annotation.getDictionaryObject(COSName.BS) instanceof COSDictionary style) {
            return style.getDictionaryObject(COSName.W) instanceof COSNumber w ? w.floatValue() : 1;
        }
        if (annotation.getDictionaryObject(COSName.BORDER) instanceof COSArray border && border.size() >= 3) {
            return border.getObject(2) instanceof COSNumber w ? w.floatValue() : 1;
        }
        return 1;
    }

    private static boolean blank(COSStream appearance) {
        try (var in = appearance.createInputStream()) {
            byte[] content = in.readNBytes(4096);
            for (byte b : content) {
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return content.length < 4096;
        } catch (IOException e) {
            // An appearance that cannot be decoded may still be drawn by another viewer: count it as shown.
            return false;
        }
    }

    /** The normal appearance a viewer draws: none, one stream, or one it cannot be told from the entries. */
    private record Appearance(Kind kind, COSStream stream) {
        enum Kind { NONE, STREAM, UNKNOWN }
    }

    private static Appearance appearanceOf(COSDictionary annotation) {
        if (!(annotation.getDictionaryObject(COSName.AP) instanceof COSDictionary ap)) {
            return new Appearance(Appearance.Kind.NONE, null);
        }
        COSBase normal = ap.getDictionaryObject(COSName.N);
        if (normal == null) {
            return new Appearance(Appearance.Kind.NONE, null);
        }
        if (normal instanceof COSStream stream) {
            return new Appearance(Appearance.Kind.STREAM, stream);
        }
        if (normal instanceof COSDictionary states) {
            COSName state = annotation.getCOSName(COSName.AS);
            if (state != null) {
                return states.getDictionaryObject(state) instanceof COSStream chosen
                        ? new Appearance(Appearance.Kind.STREAM, chosen) : new Appearance(Appearance.Kind.NONE, null);
            }
            // No state chosen: viewers differ (some draw the only state there is), so it is not known.
            return states.size() == 0 ? new Appearance(Appearance.Kind.NONE, null) : new Appearance(Appearance.Kind.UNKNOWN, null);
        }
        return new Appearance(Appearance.Kind.UNKNOWN, null);
    }

    private static List<COSBase> annotationList(PDPage page) {
        List<COSBase> list = new ArrayList<>();
        if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
            for (int i = 0; i < annots.size(); i++) {
                list.add(annots.get(i));
            }
        }
        return list;
    }

    /** The same annotation in the other revision: the same object, or for a direct one an equal dictionary. */
    private COSBase matching(COSBase annotation, List<COSBase> others) throws CosComparison.Exhausted {
        if (annotation instanceof COSObject ref) {
            for (COSBase other : others) {
                if (other instanceof COSObject o && o.getKey() != null && o.getKey().equals(ref.getKey())) {
                    return other;
                }
            }
            return null;
        }
        for (COSBase other : others) {
            if (!(other instanceof COSObject) && compare.same(other, annotation)) {
                return other;
            }
        }
        return null;
    }

    private static COSDictionary dictionary(COSBase annotation) {
        COSBase value = annotation instanceof COSObject ref ? ref.getObject() : annotation;
        return value instanceof COSDictionary dictionary ? dictionary : null;
    }

    private static String subtype(COSDictionary annotation) {
        String subtype = annotation.getNameAsString(COSName.SUBTYPE);
        return subtype == null ? "?" : subtype;
    }

    private static PDRectangle rectangle(COSDictionary annotation) {
        if (!(annotation.getDictionaryObject(COSName.RECT) instanceof COSArray array) || array.size() != 4) {
            return null;
        }
        float[] values = new float[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSNumber number)
                    || !Float.isFinite(number.floatValue())) {
                return null;
            }
            values[i] = number.floatValue();
        }
        return new PDRectangle(Math.min(values[0], values[2]), Math.min(values[1], values[3]),
                Math.abs(values[2] - values[0]), Math.abs(values[3] - values[1]));
    }

    private static String describe(PDRectangle rect) {
        return rect == null ? "?" : String.format(Locale.ROOT, "%.0f, %.0f, %.0f × %.0f pt",
                rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight());
    }

    private static String names(Set<COSName> names) {
        return names.stream().map(COSName::getName).collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(n -> "/" + n).collect(Collectors.joining(", "));
    }
}
