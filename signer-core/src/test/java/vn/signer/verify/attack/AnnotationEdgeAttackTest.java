package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.verify.Verdict;
import vn.signer.verify.VerificationReport;

/** Annotations that signer's visibility test and a viewer read differently; attribution to a later, untrusted signature. */
class AnnotationEdgeAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path unsigned;
    static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        unsigned = Samples.pdf(tmp);
        signed = Forge.sign(unsigned, dir.resolve("edge-signed.pdf"), DemoPki.officerP12());
    }


    /** /F 2.0, a real: signer's getInt reads Hidden; a viewer that wants an integer reads no flags and draws it. */
    @Disabled("VALID, but neither poppler (pdftoppm) nor PDFBox draws it (both read /F 2.0 as Hidden); pdf.js reads it as 2 too: not a demonstrated false VALID")
    @Test
    void hiddenFlagWrittenAsAReal() {
        Path out = dir.resolve("edge-flag-real.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary annotation = Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong");
            annotation.setItem(COSName.F, new COSFloat(2.0f));
            PdfAttacks.addAnnotation(doc.getPage(0), annotation);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** A rectangle reaching far above the page (987,654,321 pt): signer still sees it covering the signed text. */
    @Test
    void rectangleWithAnOverflowingCoordinate() {
        Path out = dir.resolve("edge-rect-overflow.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary annotation = Forge.overlay(doc, "Square", Forge.SIGNED_TEXT, "");
            COSArray rect = new COSArray();
            rect.add(COSInteger.get(60));
            rect.add(COSInteger.get(350));
            rect.add(COSInteger.get(540));
            rect.add(COSInteger.get(987654321L));
            annotation.setItem(COSName.RECT, rect);
            PdfAttacks.addAnnotation(doc.getPage(0), annotation);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** A five-element /Rect: signer reads no rectangle ("draws nothing"); a lenient viewer takes the first four. */
    @Disabled("VALID, but neither poppler nor PDFBox draws an annotation whose /Rect is not four numbers: not a demonstrated false VALID")
    @Test
    void rectangleWithFiveNumbers() {
        Path out = dir.resolve("edge-rect-five.pdf");
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary annotation = Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, "So tien: 9.000.000 dong");
            COSArray rect = Forge.SIGNED_TEXT.getCOSArray();
            rect.add(COSInteger.get(0));
            annotation.setItem(COSName.RECT, rect);
            PdfAttacks.addAnnotation(doc.getPage(0), annotation);
        });
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /** An overlay, then a signature by a key no trust anchor vouches for: the overlay is attributed to that signer. */
    @Test
    void overlayAttributedToALaterUntrustedSignature() {
        Path overlaid = tmp.resolve("overlaid.pdf");
        PdfAttacks.overlay(signed, overlaid, "FreeText", "So tien: 9.000.000 dong");
        Path out = dir.resolve("edge-later-untrusted.pdf");
        TestPki.Entity mallory = TestPki.create("mallory").signer("Mallory", "TEST").issue();
        PdfAttacks.signWithPdfBox(overlaid, out, mallory, "SHA256withRSA");
        VerificationReport report = Forge.verify(out);
        assertNotEquals(Verdict.VALID, report.verdict());
    }

    /** The same document, per signature: the officer's signature alone reads VALID though an untrusted signer overlaid its text. */
    @Test
    void overlayAttributedToALaterUntrustedSignatureLeavesTheFirstSignatureValid() {
        Path overlaid = tmp.resolve("overlaid2.pdf");
        PdfAttacks.overlay(signed, overlaid, "FreeText", "So tien: 9.000.000 dong");
        Path out = dir.resolve("edge-later-untrusted-2.pdf");
        TestPki.Entity mallory = TestPki.create("mallory2").signer("Mallory", "TEST").issue();
        PdfAttacks.signWithPdfBox(overlaid, out, mallory, "SHA256withRSA");
        VerificationReport report = Forge.verify(out);
        assertNotEquals(Verdict.VALID, report.signatures().get(0).verdict(), "the first signature vouches for an overlay nobody trusted");
    }

    /**
     * Design risk, not a parsing bug: an overlay over the officer's signed text made in the revision a
     * second, trusted signer (the demo organisation key) signs. Attributed to that signer, so the document
     * is VALID; the officer's signature says only "changes made in revisions signed by ...".
     */
    @Test
    void overlayInsideALaterTrustedSignersRevision() {
        Path overlaid = tmp.resolve("overlaid3.pdf");
        PdfAttacks.overlay(signed, overlaid, "FreeText", "So tien: 9.000.000 dong");
        Path out = Forge.sign(overlaid, dir.resolve("edge-later-trusted.pdf"), DemoPki.organisationP12());
        VerificationReport report = Forge.verify(out);
        assertNotEquals(Verdict.VALID, report.verdict(), "the officer's signed text is covered by another signer's overlay");
    }
}
