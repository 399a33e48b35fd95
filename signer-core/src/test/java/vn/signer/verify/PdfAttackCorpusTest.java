package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.report.Words;

/**
 * The PDF attack corpus: documents made here from our demo keys by the attacks on PDF signatures
 * described in public (shadow attacks, PDF Insecurity), and genuine documents made by other tools and
 * workflows. Each file is written to target/attack-corpus/pdf named with the verdict it must get; no
 * attack may be VALID and no genuine document INVALID (each gets exactly its verdict here).
 */
@Tag("native")
class PdfAttackCorpusTest {
    private static final Path CORPUS = Path.of("target", "attack-corpus", "pdf");
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    private static Path unsigned;
    private static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        Files.createDirectories(CORPUS);
        unsigned = Samples.pdf(dir);
        signed = sign(unsigned, dir.resolve("signed.pdf"), DemoPki.officerP12());
    }

    @AfterAll
    static void printTheTable() {
        StringBuilder table = new StringBuilder("\n| PDF case | verdict |\n|---|---|\n");
        TABLE.forEach((name, verdict) -> table.append("| ").append(name).append(" | ").append(verdict).append(" |\n"));
        System.out.println(table);
    }

    // ---- shadow attacks -------------------------------------------------------------------------------

    @Test
    void shadowHideWithAnOpaqueSquareIsInvalid() {
        expect("shadow-hide-square", Verdict.INVALID, out -> PdfAttacks.overlay(signed, out, "Square", ""), "drawn over signed content");
    }

    @Test
    void shadowReplaceWithFreeTextIsInvalid() {
        expect("shadow-replace-freetext", Verdict.INVALID,
                out -> PdfAttacks.overlay(signed, out, "FreeText", "So tien: 9.000.000 dong"), "FreeText");
    }

    @Test
    void shadowHideAndReplaceWithAStampIsInvalid() {
        expect("shadow-hide-and-replace-stamp", Verdict.INVALID, out -> PdfAttacks.overlay(signed, out, "Stamp", "DA HUY"), "Stamp");
    }

    @Test
    void shadowHideAndReplaceWithANewFormWidgetIsInvalid() {
        expect("shadow-hide-and-replace-widget", Verdict.INVALID, out -> PdfAttacks.widgetOverlay(signed, out, "9.000.000"), "Widget");
    }

    @Test
    void shadowReplaceOfASignedFieldValueIsInvalid() {
        Path form = dir.resolve("form-filled.pdf");
        PdfAttacks.form(unsigned, form, "1.000.000", false);
        Path signedForm = sign(form, dir.resolve("form-filled-signed.pdf"), DemoPki.officerP12());
        expect("shadow-replace-field-value", Verdict.INVALID, out -> PdfAttacks.fill(signedForm, out, "9.000.000"), "so_tien");
    }

    @Test
    void shadowReplaceOfAFormXObjectIsInvalid() {
        Path signedXObject = signedWithFormXObject();
        expect("shadow-replace-xobject", Verdict.INVALID, out -> PdfAttacks.replaceXObject(signedXObject, out), "page 1");
    }

    @Test
    void shadowReplaceOfAFontIsInvalid() {
        Path signedXObject = signedWithFormXObject();
        expect("shadow-replace-font", Verdict.INVALID, out -> PdfAttacks.replaceFont(signedXObject, out), "page 1");
    }

    @Test
    void fillingAFieldTheSignatureLocksIsInvalid() {
        Path nss = signingNss();
        Path form = dir.resolve("locked.pdf");
        PdfAttacks.form(unsigned, form, null, true);
        Path locked = dir.resolve("locked-signed.pdf");
        Tools.check(Tools.run(List.of("pdfsig", "-nssdir", "sql:" + nss, "-sign", "ky_ban_hanh", "-etsi", "-nick", "officer",
                form.toString(), locked.toString())), "pdfsig -sign");
        expect("fill-locked-field", Verdict.INVALID, out -> PdfAttacks.fill(locked, out, "9.000.000"), "locks the field");
    }

    // ---- PDF Insecurity: incremental saving, signature wrapping, universal signature forgery ----------

    @Test
    void incrementalSavingThatAddsAPageIsInvalid() {
        expect("isa-page-added", Verdict.INVALID, out -> PdfAttacks.addPage(signed, out), "number of pages");
    }

    @Test
    void incrementalSavingThatAddsAnOpenActionIsInvalid() {
        expect("isa-open-action", Verdict.INVALID, out -> PdfAttacks.openAction(signed, out), "/OpenAction");
    }

    @Test
    void removingASignedAnnotationIsInvalid() {
        Path stamped = dir.resolve("stamped.pdf");
        PdfAttacks.withStamp(unsigned, stamped);
        Path signedStamped = sign(stamped, dir.resolve("stamped-signed.pdf"), DemoPki.officerP12());
        expect("removed-signed-annotation", Verdict.INVALID, out -> PdfAttacks.removeFirstAnnotation(signedStamped, out), "removes");
    }

    @Test
    void signatureWrappingIntoTheGapIsInvalid() {
        expect("swa-content-in-gap", Verdict.INVALID, out -> PdfAttacks.wrapSignature(signed, out), "leaves out more than the signature value");
    }

    @Test
    void universalSignatureForgeriesAreInvalidSignaturesNotNoSignature() {
        for (PdfAttacks.Forgery forgery : PdfAttacks.Forgery.values()) {
            VerificationReport report = expect("usf-" + forgery.name().toLowerCase().replace('_', '-'), Verdict.INVALID,
                    out -> PdfAttacks.forge(unsigned, out, forgery), "chu_ky_gia");
            assertEquals(1, report.signatures().size(), report.toString());
        }
    }

    @Test
    void aHugePageAddedAfterSigningIsInvalidWithoutDrawingIt() {
        long start = System.nanoTime();
        expect("huge-mediabox-unsigned", Verdict.INVALID, out -> PdfAttacks.resizePage(signed, out, 14_400), "content of page 1");
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "no gigantic drawing");
    }

    @Test
    void aHugePageSignedByALaterSignerIsNotDrawnAndTheFirstSignatureIsInvalid() {
        Path resized = dir.resolve("resized.pdf");
        PdfAttacks.resizePage(signed, resized, 14_400);
        // A page resized under an approval signature is a change of page content (DSS's object comparison
        // says so); the drawing that would compare the pictures is refused rather than made at 207 megapixels.
        VerificationReport report = expect("huge-mediabox-signed-later", Verdict.INVALID,
                out -> sign(resized, out, DemoPki.organisationP12()), "could not be compared");
        assertEquals(Verdict.INVALID, report.signatures().get(0).verdict(), report.toString());
        assertEquals(Verdict.VALID, report.signatures().get(1).verdict(), report.toString());
    }

    // ---- algorithms Circular 15 does not accept --------------------------------------------------

    @Test
    void aSha1SignatureIsInvalid() {
        TestPki.Entity signer = TestPki.create("sha1").signer("Bang SHA1", "TEST").issue();
        expect("algorithm-sha1-by-pdfbox", Verdict.INVALID, out -> PdfAttacks.signWithPdfBox(unsigned, out, signer, "SHA1withRSA"),
                "digest algorithm SHA1");
    }

    @Test
    void anRsa1024SignatureIsInvalidWhateverItsTrust() {
        Path nss = signingNss();
        TestPki pki = TestPki.create("weak key");
        Path p12 = pki.signer("Khoa Yeu", "TEST").rsa(1024).issue().writePkcs12(dir.resolve("weak.p12"), "weak", "weak".toCharArray());
        Tools.check(Tools.run(List.of("pk12util", "-i", p12.toString(), "-d", "sql:" + nss, "-W", "weak", "-K", "")), "pk12util -i");
        expect("algorithm-rsa1024-by-pdfsig", Verdict.INVALID, out -> Tools.check(Tools.run(List.of("pdfsig", "-nssdir", "sql:" + nss,
                "-add-signature", "-nick", "weak", unsigned.toString(), out.toString())), "pdfsig with an RSA-1024 key"), "1024 bits");
    }

    // ---- genuine documents ----------------------------------------------------------------------------

    @Test
    void aCommentNoteInTheMarginStaysValid() {
        VerificationReport report = expect("comment-note-in-margin", Verdict.VALID, out -> PdfAttacks.note(signed, out, new PDRectangle(10, 10, 20, 20), "Đã nhận"), "comment");
        assertFalse(report.signatures().get(0).coversWholeDocument());
    }

    @Test
    void fillingAnEmptyFieldAfterAnApprovalSignatureStaysValid() {
        Path form = dir.resolve("form-empty.pdf");
        PdfAttacks.form(unsigned, form, null, false);
        Path signedForm = sign(form, dir.resolve("form-empty-signed.pdf"), DemoPki.officerP12());
        expect("form-fill-empty-field", Verdict.VALID, out -> PdfAttacks.fill(signedForm, out, "1.000.000"), "fills the empty form field");
    }

    @Test
    void twoSignaturesOneAfterTheOtherAreBothValidAndTheSecondIsNamed() {
        VerificationReport report = expect("two-signatures", Verdict.VALID,
                out -> sign(signed, out, DemoPki.organisationP12()), "signed by");
        assertEquals(2, report.signatures().size());
        assertTrue(Words.ENGLISH.texts(report.signatures().get(0).warnings()).stream().anyMatch(w -> w.contains(DemoPki.ORGANISATION_NAME)),
                report.signatures().get(0).warnings().toString());
    }

    @Test
    void popplerSignaturesAreValid() {
        Path nss = signingNss();
        expect("pdfsig-add-signature", Verdict.VALID, out -> Tools.check(Tools.run(List.of("pdfsig", "-nssdir", "sql:" + nss,
                "-add-signature", "-nick", "officer", "-new-signature-field-name", "poppler", unsigned.toString(), out.toString())),
                "pdfsig -add-signature"), null);
    }

    @Test
    void signingIntoAPreparedEmptyFieldAfterAnotherSignatureKeepsBothValid() {
        Path nss = signingNss();
        Path form = dir.resolve("prepared.pdf");
        PdfAttacks.form(unsigned, form, null, false);
        Path first = sign(form, dir.resolve("prepared-signed.pdf"), DemoPki.officerP12());
        VerificationReport report = expect("sign-into-prepared-field", Verdict.VALID, out -> Tools.check(Tools.run(List.of("pdfsig",
                "-nssdir", "sql:" + nss, "-sign", "ky_ban_hanh", "-etsi", "-nick", "officer", first.toString(), out.toString())),
                "pdfsig -sign"), null);
        assertEquals(2, report.signatures().size(), report.toString());
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private interface Maker {
        void make(Path out);
    }

    /** Makes a corpus file, verifies it, and asserts the verdict of the document and a reason or warning. */
    private static VerificationReport expect(String name, Verdict verdict, Maker maker, String mentioned) {
        Path file = CORPUS.resolve(name + "." + verdict + ".pdf");
        maker.make(file);
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(file);
        TABLE.put(name, report.verdict().name());
        assertEquals(verdict, report.verdict(), name + ": " + report);
        if (mentioned != null) {
            List<String> said = new ArrayList<>();
            report.signatures().forEach(s -> {
                said.addAll(Words.ENGLISH.texts(s.reasons()));
                said.addAll(Words.ENGLISH.texts(s.warnings()));
            });
            assertTrue(said.stream().anyMatch(s -> s.contains(mentioned)), name + " should mention '" + mentioned + "': " + said);
        }
        return report;
    }

    private static Path sign(Path input, Path output, Path p12) {
        try (Pkcs12KeySource key = DemoPki.openP12(p12)) {
            DocumentSigner.create(key.key(KeySelector.only()), SignatureOptions.defaults()).sign(input, output, true);
        }
        return output;
    }

    private static Path signedWithFormXObject() {
        Path drawn = dir.resolve("xobject.pdf");
        if (!Files.exists(drawn)) {
            PdfAttacks.withFormXObject(unsigned, drawn);
            sign(drawn, dir.resolve("xobject-signed.pdf"), DemoPki.officerP12());
        }
        return dir.resolve("xobject-signed.pdf");
    }

    /** An NSS database holding the demo officer's key, so that poppler's pdfsig signs with it. */
    private static Path signingNss() {
        Path nss = dir.resolve("nss-signing");
        if (!Files.exists(nss)) {
            Tools.nssDatabase(nss, List.of(DemoPki.root()));
            Tools.check(Tools.run(List.of("pk12util", "-i", DemoPki.officerP12().toString(), "-d", "sql:" + nss,
                    "-W", DemoPki.PASSWORD, "-K", "")), "pk12util -i");
            Tools.check(Tools.run(List.of("certutil", "-M", "-d", "sql:" + nss, "-n", "officer", "-t", "u,u,u")), "certutil -M");
        }
        return nss;
    }
}
