package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

/**
 * The shadow "hide-and-replace" by a form field the attacker prepared before signing (NDSS 2021: the
 * attacker makes the document, the victim signs it, the attacker changes it): an empty text field
 * whose widget lies over the body with no appearance (nothing shows when signed). Filling it after
 * signing, with an opaque appearance, replaces the signed body. signer allows filling empty fields.
 */
class FormTrapAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path signed;

    @BeforeAll
    static void prepareAndSign() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        Path trap = tmp.resolve("trap.pdf");
        try (PDDocument doc = Loader.loadPDF(Samples.pdf(tmp).toFile())) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            form.setDefaultResources(PdfAttacks.helveticaResources());
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("ghi_chu");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(Forge.SIGNED_TEXT);
            widget.setPage(doc.getPage(0));
            widget.setPrinted(true);
            form.getFields().add(field);
            doc.getPage(0).getAnnotations().add(widget);
            doc.save(trap.toFile());
        }
        signed = Forge.sign(trap, dir.resolve("trap-signed.pdf"), DemoPki.officerP12());
    }


    @Test
    void signedDocumentShowsTheBody() {
        // control: the trap document as signed
        assertNotEquals(Verdict.INVALID, Forge.verify(signed).verdict());
    }

    @Test
    void fillingTheTrapFieldWithAnOpaqueAppearance() {
        Path out = dir.resolve("trap-filled.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm(null).getField("ghi_chu");
            field.getCOSObject().setString(COSName.V, "So tien: 9.000.000 dong");
            field.getCOSObject().setNeedToBeUpdated(true);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            COSDictionary ap = PdfAttacks.appearance(doc, Forge.SIGNED_TEXT, "So tien: 9.000.000 dong");
            widget.getCOSObject().setItem(COSName.AP, ap);
            widget.getCOSObject().setNeedToBeUpdated(true);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }
}
