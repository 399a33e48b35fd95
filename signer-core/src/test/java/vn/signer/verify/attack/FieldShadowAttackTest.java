package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

/**
 * A decoy signature field that DSS skips but signer's own structure reading takes for the genuine
 * signature: same partial name /T as the genuine field, listed first in /AcroForm /Fields, its /V a
 * <em>direct</em> dictionary (DSS reads /V only as an indirect reference), its /ByteRange the genuine
 * gap but stretched to the end of the file, its /Contents a copy of the genuine CMS value.
 */
class FieldShadowAttackTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = java.nio.file.Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        signed = Forge.sign(Samples.pdf(tmp), dir.resolve("signed.pdf"), DemoPki.officerP12());
    }

    /** Builds the attack; {@code overlayText} null adds no overlay (a control: the decoy alone). */
    static Path decoy(Path in, Path out, String overlayText, boolean sameName, boolean directValue) throws IOException {
        return decoy(in, out, overlayText, sameName, directValue, true);
    }

    static Path decoy(Path in, Path out, String overlayText, boolean sameName, boolean directValue, boolean signingTime)
            throws IOException {
        String name;
        int[] range;
        byte[] contents;
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            PDSignature signature = doc.getLastSignatureDictionary();
            range = signature.getByteRange();
            contents = signature.getContents();
            name = doc.getSignatureFields().get(doc.getSignatureFields().size() - 1).getPartialName();
        }
        String fieldName = sameName ? name : "decoy";
        PdfAttacks.update(in, out, doc -> {
            if (overlayText != null) {
                PdfAttacks.addAnnotation(doc.getPage(0), Forge.overlay(doc, "FreeText", Forge.SIGNED_TEXT, overlayText));
            }
            COSDictionary value = new COSDictionary();
            value.setName(COSName.FILTER, "Adobe.PPKLite");
            value.setName(COSName.SUB_FILTER, "ETSI.CAdES.detached");
            COSArray byteRange = new COSArray();
            byteRange.add(COSInteger.get(0));
            byteRange.add(COSInteger.get(range[1]));
            byteRange.add(COSInteger.get(range[2]));
            byteRange.add(COSInteger.get(987654321L));
            value.setItem(COSName.getPDFName("ByteRange"), byteRange);
            COSString cms = new COSString(contents);
            cms.setForceHexForm(true);
            value.setItem(COSName.CONTENTS, cms);
            if (signingTime) {
                value.setString(COSName.M, "D:20261201000000Z");
            }
            value.setDirect(directValue);
            COSDictionary field = new COSDictionary();
            field.setItem(COSName.FT, COSName.SIG);
            field.setString(COSName.T, fieldName);
            field.setItem(COSName.V, value);
            field.setNeedToBeUpdated(true);
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            COSArray fields = (COSArray) form.getCOSObject().getDictionaryObject(COSName.FIELDS);
            fields.add(0, field);
            fields.setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        Forge.patchNumber(out, "987654321", Forge.length(out) - range[2]);
        return out;
    }


    @Test
    void overlayHiddenBehindADecoyFieldWithTheGenuineName() throws IOException {
        Path out = decoy(signed, dir.resolve("decoy-overlay.pdf"), "So tien: 9.000.000 dong", true, true);
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    @Test
    void decoyFieldAloneWithTheGenuineName() throws IOException {
        Path out = decoy(signed, dir.resolve("decoy-alone.pdf"), null, true, true);
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    @Test
    void overlayWithADecoyOfAnotherName() throws IOException {
        Path out = decoy(signed, dir.resolve("decoy-other-name.pdf"), "So tien: 9.000.000 dong", false, true);
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    @Test
    void overlayWithAnIndirectDecoyOfTheSameName() throws IOException {
        Path out = decoy(signed, dir.resolve("decoy-indirect.pdf"), "So tien: 9.000.000 dong", true, false);
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }

    /**
     * A crash, not a false VALID: an indirect signature value without /M makes DSS throw a
     * NullPointerException (PdfSignatureDictionary.getSigningDate() compared), and signer reports
     * VERIFICATION_FAILED for the whole document instead of a verdict: anyone can make a signed PDF
     * unverifiable by appending such a field.
     */
    @Test
    void indirectDecoyWithoutSigningTimeGetsAVerdictNotAnError() throws IOException {
        Path out = decoy(signed, dir.resolve("decoy-no-m.pdf"), null, false, false, false);
        assertNotEquals(Verdict.VALID, Forge.verify(out).verdict());
    }
}
