package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

/**
 * An annotation whose /AP /N is a state dictionary with a single state and no /AS: signer finds no
 * normal appearance (and, for a Widget or Link, counts it as drawing nothing); poppler takes the only
 * state as the appearance and draws it.
 */
class AppearanceStateAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        signed = Forge.sign(Samples.pdf(tmp), dir.resolve("state-signed.pdf"), DemoPki.officerP12());
    }


    private static Path make(String name, String subtype) {
        Path out = dir.resolve(name);
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary annotation = Forge.overlay(doc, subtype, Forge.SIGNED_TEXT, "So tien: 9.000.000 dong");
            COSDictionary states = new COSDictionary();
            states.setItem(COSName.getPDFName("On"), PdfAttacks.appearanceStream(doc, Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            COSDictionary ap = new COSDictionary();
            ap.setItem(COSName.N, states);
            annotation.setItem(COSName.AP, ap);
            PdfAttacks.addAnnotation(doc.getPage(0), annotation);
        });
        return out;
    }

    @Disabled("VALID, but poppler draws nothing for this field-less widget: not a demonstrated false VALID")
    @Test
    void widgetWithASingleStateAndNoAppearanceState() {
        assertNotEquals(Verdict.VALID, Forge.verify(make("state-widget.pdf", "Widget")).verdict());
    }

    /** VALID; poppler does not draw the single state either, but draws the Link's default 1 pt black border (no /C): see below. */
    @Test
    void linkWithASingleStateAndNoAppearanceState() {
        assertNotEquals(Verdict.VALID, Forge.verify(make("state-link.pdf", "Link")).verdict());
    }

    /**
     * A Link with no appearance and no /C, but a 120 pt /Border: signer counts a Link without /C as
     * drawing nothing; poppler draws its border in black (as it drew the 1 pt default border above).
     */
    @Test
    void linkWithoutColourButAWideBorder() {
        Path out = dir.resolve("link-no-colour-wide-border.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary link = new COSDictionary();
            link.setItem(COSName.TYPE, COSName.ANNOT);
            link.setItem(COSName.SUBTYPE, COSName.LINK);
            link.setItem(COSName.RECT, Forge.SIGNED_TEXT.getCOSArray());
            link.setInt(COSName.F, 4);
            org.apache.pdfbox.cos.COSArray border = new org.apache.pdfbox.cos.COSArray();
            border.add(org.apache.pdfbox.cos.COSInteger.ZERO);
            border.add(org.apache.pdfbox.cos.COSInteger.ZERO);
            border.add(org.apache.pdfbox.cos.COSInteger.get(120));
            link.setItem(COSName.BORDER, border);
            PdfAttacks.addAnnotation(doc.getPage(0), link);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }
}
