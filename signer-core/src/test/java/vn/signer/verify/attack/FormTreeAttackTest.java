package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

/** Attacks on how signer walks the AcroForm field tree, and on fields whose appearance a viewer regenerates. */
class FormTreeAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path unsigned;
    static Path signed;
    static Path signedForm;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        unsigned = Samples.pdf(tmp);
        signed = Forge.sign(unsigned, dir.resolve("tree-signed.pdf"), DemoPki.officerP12());
        Path form = tmp.resolve("form.pdf");
        PdfAttacks.form(unsigned, form, "1.000.000", false);
        signedForm = Forge.sign(form, dir.resolve("tree-form-signed.pdf"), DemoPki.officerP12());
    }


    private static COSArray fields(PDDocument doc) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        COSArray fields = (COSArray) form.getCOSObject().getDictionaryObject(COSName.FIELDS);
        fields.setNeedToBeUpdated(true);
        form.getCOSObject().setNeedToBeUpdated(true);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        return fields;
    }

    /** The genuine signature field moved under a parent with no /T: PDFBox and DSS descend, signer's FormFields does not. */
    @Test
    void genuineFieldUnderANamelessParentWithAnOverlay() {
        Path out = dir.resolve("tree-nameless-parent.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            COSArray fields = fields(doc);
            COSArray kids = new COSArray();
            for (int i = 0; i < fields.size(); i++) {
                kids.add(fields.get(i));
            }
            COSDictionary parent = new COSDictionary();
            parent.setItem(COSName.KIDS, kids);
            parent.setNeedToBeUpdated(true);
            fields.clear();
            fields.add(parent);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** 10,000 empty fields listed before the genuine one: signer's FormFields stops reading at 10,000. */
    @Test
    void genuineFieldAfterTenThousandDummiesWithAnOverlay() {
        Path out = dir.resolve("tree-ten-thousand.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            COSArray fields = fields(doc);
            for (int i = 0; i < 10_000; i++) {
                COSDictionary dummy = new COSDictionary();
                dummy.setItem(COSName.FT, COSName.TX);
                dummy.setString(COSName.T, "f" + i);
                dummy.setNeedToBeUpdated(true);
                fields.add(0, dummy);
            }
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** The genuine field's dictionary listed twice: not a bypass by itself, a control. */
    @Test
    void genuineFieldNestedDeeperThan32WithAnOverlay() {
        Path out = dir.resolve("tree-deep.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            COSArray fields = fields(doc);
            COSArray kids = new COSArray();
            for (int i = 0; i < fields.size(); i++) {
                kids.add(fields.get(i));
            }
            for (int depth = 0; depth < 40; depth++) {
                COSDictionary parent = new COSDictionary();
                parent.setItem(COSName.KIDS, kids);
                parent.setNeedToBeUpdated(true);
                kids = new COSArray();
                kids.add(parent);
            }
            fields.clear();
            fields.add(kids.get(0));
        });
        // Neither DSS nor signer reads a field that deep: not VALID, and not "no signature" either.
        assertEquals(Verdict.INDETERMINATE, Forge.verify(out).verdict());
    }

    /** NeedAppearances=true and the form's default appearance made white: a viewer redraws the signed value invisible. */
    @Test
    void needAppearancesWithAWhiteDefaultAppearance() {
        Path out = dir.resolve("form-da-white.pdf");
        PdfAttacks.update(signedForm, out, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            form.getCOSObject().setString(COSName.DA, "/Helv 10 Tf 1 1 1 rg");
            form.getCOSObject().setBoolean(COSName.NEED_APPEARANCES, true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** NeedAppearances=true and /DR /Helv replaced by a font whose encoding draws "1" as "9": the signed 1.000.000 shows 9.000.000. */
    @Test
    void needAppearancesWithARemappedResourceFont() {
        Path out = dir.resolve("form-dr-font.pdf");
        PdfAttacks.update(signedForm, out, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE1);
            font.setName(COSName.BASE_FONT, "Helvetica");
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.TYPE, COSName.ENCODING);
            encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
            COSArray differences = new COSArray();
            differences.add(COSInteger.get(49));
            differences.add(COSName.getPDFName("nine"));
            encoding.setItem(COSName.DIFFERENCES, differences);
            font.setItem(COSName.ENCODING, encoding);
            font.setNeedToBeUpdated(true);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("Helv"), font);
            COSDictionary dr = new COSDictionary();
            dr.setItem(COSName.FONT, fonts);
            form.getCOSObject().setItem(COSName.DR, dr);
            form.getCOSObject().setBoolean(COSName.NEED_APPEARANCES, true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /**
     * A new text field with a value, whose widget has no appearance and no border or background (signer
     * counts it as drawing nothing), with NeedAppearances=true: a viewer draws its value in a blank spot.
     */
    @Test
    void newFieldWithoutAppearanceDrawnByNeedAppearances() {
        Path out = dir.resolve("form-new-field-needappearances.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            COSDictionary field = new COSDictionary();
            field.setItem(COSName.FT, COSName.TX);
            field.setString(COSName.T, "them");
            field.setString(COSName.V, "KHONG DUOC PHE DUYET - HUY BO");
            field.setString(COSName.DA, "/Helv 16 Tf 1 0 0 rg");
            field.setItem(COSName.TYPE, COSName.ANNOT);
            field.setItem(COSName.SUBTYPE, COSName.WIDGET);
            field.setItem(COSName.RECT, new PDRectangle(60, 700, 480, 30).getCOSArray());
            field.setInt(COSName.F, 4);
            field.setItem(COSName.P, doc.getPage(0).getCOSObject());
            field.setNeedToBeUpdated(true);
            COSArray fields = fields(doc);
            fields.add(field);
            if (form.getCOSObject().getDictionaryObject(COSName.DR) == null) {
                form.setDefaultResources(PdfAttacks.helveticaResources());
            }
            form.getCOSObject().setBoolean(COSName.NEED_APPEARANCES, true);
            PdfAttacks.addAnnotation(doc.getPage(0), field);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** A Popup annotation (signer: never page content) with an opaque appearance and /Open true over the signed text. */
    @Test
    void openPopupWithAnOpaqueAppearance() {
        Path out = dir.resolve("popup-overlay.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary popup = Forge.overlay(doc, "Popup", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong");
            popup.setBoolean(COSName.getPDFName("Open"), true);
            PdfAttacks.addAnnotation(doc.getPage(0), popup);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }
}
