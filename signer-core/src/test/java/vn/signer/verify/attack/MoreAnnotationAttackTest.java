package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

class MoreAnnotationAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        signed = Forge.sign(Samples.pdf(tmp), dir.resolve("more-signed.pdf"), DemoPki.officerP12());
    }


    /** The genuine signature field's /T removed in the update: signer's FormFields skips a field with no name. */
    @Test
    void genuineFieldNameRemovedWithAnOverlay() {
        Path out = dir.resolve("more-no-name.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            for (PDSignatureField field : doc.getSignatureFields()) {
                field.getCOSObject().removeItem(COSName.T);
                field.getCOSObject().setNeedToBeUpdated(true);
            }
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** The genuine field's /T made a name instead of a string: the same, read as "no name" by getString. */
    @Test
    void genuineFieldNameMadeANameObjectWithAnOverlay() {
        Path out = dir.resolve("more-name-object.pdf");
        PdfAttacks.update(signed, out, doc -> {
            PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong"));
            for (PDSignatureField field : doc.getSignatureFields()) {
                field.getCOSObject().setItem(COSName.T, COSName.getPDFName(field.getPartialName()));
                field.getCOSObject().setNeedToBeUpdated(true);
            }
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** A Link with no appearance, /Border [0 0 0] (signer: draws nothing) but /BS width 120 in white: the border blanks the text. */
    @Test
    void linkWhoseBorderStyleOverridesAZeroBorder() {
        Path out = dir.resolve("more-link-bs.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary link = new COSDictionary();
            link.setItem(COSName.TYPE, COSName.ANNOT);
            link.setItem(COSName.SUBTYPE, COSName.LINK);
            link.setItem(COSName.RECT, Forge.SIGNED_TEXT.getCOSArray());
            link.setInt(COSName.F, 4);
            COSArray white = new COSArray();
            white.add(COSInteger.ONE);
            white.add(COSInteger.ONE);
            white.add(COSInteger.ONE);
            link.setItem(COSName.C, white);
            COSArray border = new COSArray();
            border.add(COSInteger.ZERO);
            border.add(COSInteger.ZERO);
            border.add(COSInteger.ZERO);
            link.setItem(COSName.BORDER, border);
            COSDictionary bs = new COSDictionary();
            bs.setItem(COSName.W, new COSFloat(160f));
            bs.setName(COSName.S, "S");
            link.setItem(COSName.BS, bs);
            PdfAttacks.addAnnotation(doc.getPage(0), link);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** An overlay whose appearance stream says /Length 0 (the data follows anyway; parsers recover the real length). */
    @Test
    void overlayWhoseAppearanceClaimsLengthZero() throws IOException {
        Path out = dir.resolve("more-length-zero.pdf");
        PdfAttacks.update(signed, out, doc -> PdfAttacks.addAnnotation(doc.getPage(0),
                Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong")));
        byte[] bytes = Files.readAllBytes(out);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int bbox = text.lastIndexOf("/BBox");
        int start = text.lastIndexOf("<<", bbox);
        int length = text.indexOf("/Length ", start);
        int end = length + "/Length ".length();
        while (Character.isDigit(text.charAt(end))) {
            end++;
        }
        StringBuilder patched = new StringBuilder(text);
        String replacement = "/Length 0";
        patched.replace(length, end, replacement + " ".repeat(end - length - replacement.length()));
        Files.write(out, patched.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }
}
