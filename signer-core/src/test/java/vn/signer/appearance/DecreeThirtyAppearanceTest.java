package vn.signer.appearance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.SigningKey;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignOutcome;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Pages;
import vn.signer.testing.Samples;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.Modification;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;
import vn.signer.report.Words;

/**
 * The Decree 30 workflow on the sample công văn, checked on pages rendered by poppler: the officer's
 * blue signature between "PHÓ GIÁM ĐỐC" and the name (PKCS#11), then the organisation's red seal over
 * its left third with the number and date (PKCS#12), both valid for signer and pdfsig; the top-right
 * text block of a copy; and the refusals that come before anything is written.
 */
@Tag("native")
class DecreeThirtyAppearanceTest {
    private static final String NUMBER = "125/SKHCN-VP";

    @TempDir
    Path dir;

    @Test
    void personalThenOrganisationLooksRightAndBothSignaturesStayValid() throws IOException {
        Path input = Samples.pdf(dir);
        Path personal = dir.resolve("1-personal.pdf");
        Path issued = dir.resolve("2-issued.pdf");
        Appearance signature = Appearance.builder(AppearanceMode.PERSONAL)
                .image(Tools.sample("images/chu-ky-mau.png")).anchor(DemoPki.OFFICER_NAME).build();
        try (Pkcs11KeySource token = DemoPki.openToken()) {
            sign(token.key(DemoPki.officerOnToken()), signature, input, personal);
        }
        Appearance seal = Appearance.builder(AppearanceMode.ORGANISATION).seal(Tools.sample("images/con-dau-mau.png"))
                .docNumber(NUMBER).issuedDate(LocalDate.of(2026, 12, 1)).build();
        assertEquals(List.of(AppearanceWarning.NO_PERSONAL_SIGNATURE), VisibleSignature.warnings(seal, input));
        assertEquals(List.of(), VisibleSignature.warnings(seal, personal));
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            sign(p12.key(KeySelector.label("organisation")), seal, personal, issued);
        }

        List<Box> widgets = widgets(issued);
        assertEquals(2, widgets.size(), widgets.toString());
        Box officer = widgets.get(0);
        Box organisation = widgets.get(1);
        Pages page = Pages.render(issued, officer.page());
        page.save(Path.of("target", "appearance", "personal-then-organisation.png"));

        // The officer's image sits in the gap between the title line and the name.
        float[] title = lineBox(issued, "PHÓ GIÁM ĐỐC");
        float[] name = lineBox(issued, DemoPki.OFFICER_NAME);
        assertTrue(officer.y() >= name[1] && officer.top() <= title[0], officer + " between name " + name[1] + " and title " + title[0]);
        assertEquals((name[2] + name[3]) / 2, officer.centreX(), 2f, "centred over the name");
        float third = officer.width() / 3;
        assertTrue(page.count(officer.x() + third, officer.y(), 2 * third, officer.height(), Pages.BLUE) > 500,
                "the blue signature is drawn on its right two thirds");
        assertEquals(0, page.count(officer.x() + 2 * third + 5, officer.y(), third - 5, officer.height(), Pages.RED),
                "the seal stays off the signature's right third");

        // The seal covers the left third, in red, and the signature stays visible through it.
        assertTrue(organisation.overlaps(new Box(officer.page(), officer.x(), officer.y(), third, officer.height())),
                organisation + " over the left third of " + officer);
        assertTrue(organisation.x() < officer.x() + third / 2 && organisation.right() > officer.x() + third / 2);
        float sealSize = Appearance.DEFAULT_SEAL_SIZE_MM * Box.MM;
        assertTrue(page.count(organisation.x(), organisation.top() - sealSize, organisation.width(), sealSize, Pages.RED) > 2_000,
                "the red seal is drawn");
        assertTrue(page.count(officer.x(), officer.y(), third, officer.height(), Pages.RED) > 300, "red over the left third");
        assertTrue(page.count(officer.x(), officer.y(), third, officer.height(), Pages.BLUE) > 50,
                "the seal's transparent parts let the signature show through");

        // The number and date are real text, in the new revision.
        String text = Pages.text(issued, officer.page());
        assertTrue(text.contains("Số: " + NUMBER), text);
        assertTrue(text.contains("Ngày: 01/12/2026"), text);
        assertFalse(Pages.text(personal, officer.page()).contains(NUMBER), "the first revision has no number");

        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(issued);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        SignatureReport first = report.signatures().get(0);
        assertEquals(DemoPki.OFFICER_NAME, first.signer().commonName());
        assertFalse(first.modifications().isEmpty(), "the organisation's revision is reported for the officer's signature");
        assertTrue(first.modifications().stream().allMatch(Modification::allowed), first.modifications().toString());
        // The seal's revision is signed by the organisation: the report names who made the change.
        assertTrue(first.modifications().stream().anyMatch(m -> m.kind().equals("SIGNED_LATER")
                && Words.ENGLISH.text(m.description()).contains(DemoPki.ORGANISATION_NAME)), first.modifications().toString());
        String pdfsig = Samples.assertPdfsigSays(issued, nss(), "Not total document signed", "Total document signed");
        assertEquals(2, Samples.count(pdfsig, Samples.PDFSIG_VALID), pdfsig);
    }

    @Test
    void aCopyCarriesItsTextBlockInTheTopRightCornerAsRealText() {
        Path input = Samples.pdf(dir);
        Path copy = dir.resolve("sao-luc.pdf");
        String org = "Văn phòng Ủy ban nhân dân tỉnh Sông Lam";
        Appearance appearance = Appearance.builder(AppearanceMode.COPY).copyKind(CopyKind.parse("sao lục"))
                .organisation(org).build();
        SignOutcome outcome;
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            outcome = sign(p12.key(KeySelector.label("organisation")), appearance, input, copy);
        }
        Box block = widgets(copy).get(0);
        Pages page = Pages.render(copy, 1);
        page.save(Path.of("target", "appearance", "copy.png"));
        assertEquals(1, block.page());
        assertTrue(block.right() <= page.widthPoints() && block.right() > page.widthPoints() - 40, block.toString());
        assertTrue(block.top() <= page.heightPoints() && block.top() > page.heightPoints() - 40, block.toString());
        assertTrue(block.x() > page.widthPoints() / 2 && block.y() > page.heightPoints() * 0.75, "top-right corner: " + block);
        assertTrue(page.count(block.x(), block.y(), block.width(), block.height(), Pages.DARK) > 200, "black text in the block");

        String text = Pages.text(copy, 1);
        String time = AppearanceText.TIME.format(outcome.signingTime());
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"), time);
        for (String line : List.of("SAO LỤC", org, time)) {
            assertTrue(text.contains(line), "'" + line + "' in:\n" + text);
        }
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(copy);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    @Test
    void textTheFontCannotDrawIsRefusedBeforeAnythingIsWritten() {
        SignerException e = assertThrows(SignerException.class, () -> Appearance.builder(AppearanceMode.COPY)
                .copyKind(CopyKind.SAO_Y).organisation("Sở 漢字 Sông Lam").build());
        assertEquals(ErrorCode.USAGE, e.code());
        assertTrue(e.getMessage().contains("漢 (U+6F22)") && e.getMessage().contains("字 (U+5B57)"), e.getMessage());

        // Text known only at signing time (the certificate's name) is checked before the output exists.
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("out.pdf");
        Appearance text = Appearance.builder(AppearanceMode.TEXT).build();
        SignatureOptions snowman = SignatureOptions.builder().appearance(text).reason("Phê duyệt ☃").build();
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            SigningKey key = p12.key(KeySelector.only());
            SignerException refused = assertThrows(SignerException.class,
                    () -> DocumentSigner.create(key, snowman).sign(input, output, false));
            assertEquals(ErrorCode.USAGE, refused.code());
            assertTrue(refused.getMessage().contains("☃ (U+2603)"), refused.getMessage());
        }
        assertFalse(Files.exists(output));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void decomposedInputIsNormalisedAndTheRulesOfEachModeAreChecked() {
        Appearance nfd = Appearance.builder(AppearanceMode.ATTACHMENT)
                .docNumber(java.text.Normalizer.normalize("Số 12/KH-SKHCN", java.text.Normalizer.Form.NFD)).build();
        assertEquals("Số 12/KH-SKHCN", nfd.docNumber());
        assertThrows(SignerException.class, () -> Appearance.builder(AppearanceMode.PERSONAL)
                .image(Tools.sample("images/chu-ky-mau.png")).build(), "personal needs an anchor or a box");
        assertThrows(SignerException.class, () -> Appearance.builder(AppearanceMode.ORGANISATION).build(), "needs a seal");
        assertThrows(SignerException.class, () -> Appearance.builder(AppearanceMode.COPY).copyKind(CopyKind.SAO_Y).build(),
                "copy needs --org");
        SignerException notPng = assertThrows(SignerException.class,
                () -> Appearance.builder(AppearanceMode.PERSONAL).image(Tools.sample("documents/cong-van-mau.pdf")));
        assertEquals(ErrorCode.BAD_INPUT, notPng.code());
        assertEquals(25.4f * Box.MM, Box.length("25.4mm"), 0.01f);
        assertEquals(72f, Box.length("72pt"), 0.01f);
        assertEquals(CopyKind.TRICH_SAO, CopyKind.parse("TRÍCH SAO"));
    }

    private static SignOutcome sign(SigningKey key, Appearance appearance, Path input, Path output) {
        return DocumentSigner.create(key, SignatureOptions.builder().appearance(appearance).build())
                .sign(input, output, false);
    }

    private static List<Box> widgets(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return SignatureWidgets.signed(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {baseline, top, left, right} of the last line holding {@code text}. */
    private static float[] lineBox(Path pdf, String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int last = document.getNumberOfPages();
            List<PageText.Line> lines = PageText.lines(document, last);
            for (int i = lines.size() - 1; i >= 0; i--) {
                PageText.Line line = lines.get(i);
                if (line.text().contains(text)) {
                    return new float[] {line.baseline(), line.baseline() + line.height(), line.left(), line.right()};
                }
            }
        }
        throw new AssertionError(text + " not found");
    }

    private Path nss() {
        return Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()), List.of(DemoPki.issuingCa()), DemoPki.crls());
    }
}
