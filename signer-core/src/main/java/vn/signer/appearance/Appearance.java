package vn.signer.appearance;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Objects;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * What a visible signature shows and where: immutable, built with {@link #builder(AppearanceMode)},
 * which checks every rule of the mode at {@link Builder#build()} and that the font can draw every
 * fixed text. Texts are normalised to NFC (PDFBox does no mark positioning: a decomposed "ệ" would
 * draw its marks beside the letter).
 *
 * @param mode         what kind of signature this is
 * @param image        the handwritten-signature image (PERSONAL), else null
 * @param seal         the seal image (ORGANISATION), else null
 * @param sealSizeMm   the seal's real diameter in millimetres (ORGANISATION)
 * @param box          where to draw, or null to find the place from the document
 * @param anchor       PERSONAL: the text (the signer's name) to centre the image above, or null
 * @param docNumber    the document number and symbol, e.g. "125/SKHCN-VP", or null
 * @param issuedDate   the date of issuance (ORGANISATION), or null
 * @param copyKind     COPY: the kind of copy, else null
 * @param organisation the organisation named in the text (COPY, TEXT, APPENDIX, ATTACHMENT), or null
 * @param template     TEXT: the text with {signer}, {org}, {time}, {reason}, {location} placeholders
 * @param font         the font for every text
 * @param fontSize     the text size in points
 */
public record Appearance(AppearanceMode mode, PngImage image, PngImage seal, float sealSizeMm, Box box, String anchor,
                         String docNumber, LocalDate issuedDate, CopyKind copyKind, String organisation,
                         String template, AppearanceFont font, float fontSize) {
    /** A usual round seal of a Sở or a Ủy ban is 35 to 36 mm across. */
    public static final float DEFAULT_SEAL_SIZE_MM = 36f;
    /** Decree 30: 10 pt for the text block of copies, appendices and attachments. */
    public static final float DEFAULT_FONT_SIZE = 10f;
    /** The default TEXT template; lines whose placeholders are all empty are left out. */
    public static final String DEFAULT_TEMPLATE = "Ký bởi: {signer}\nCơ quan: {org}\nThời gian ký: {time}\nLý do: {reason}";

    public Appearance {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(font, "font");
    }

    public static Builder builder(AppearanceMode mode) {
        return new Builder(mode);
    }

    /** Builds an {@link Appearance}; refuses to build twice. */
    public static final class Builder {
        private final AppearanceMode mode;
        private PngImage image;
        private PngImage seal;
        private float sealSizeMm = DEFAULT_SEAL_SIZE_MM;
        private Box box;
        private String anchor;
        private String docNumber;
        private LocalDate issuedDate;
        private CopyKind copyKind;
        private String organisation;
        private String template;
        private AppearanceFont font;
        private float fontSize = DEFAULT_FONT_SIZE;
        private boolean built;

        private Builder(AppearanceMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
        }

        public Builder image(Path file) {
            this.image = PngImage.read(file);
            return this;
        }

        public Builder seal(Path file) {
            this.seal = PngImage.read(file);
            return this;
        }

        public Builder sealSizeMm(float millimetres) {
            this.sealSizeMm = millimetres;
            return this;
        }

        public Builder box(Box box) {
            this.box = box;
            return this;
        }

        public Builder anchor(String text) {
            this.anchor = nfc(text);
            return this;
        }

        public Builder docNumber(String number) {
            this.docNumber = nfc(number);
            return this;
        }

        public Builder issuedDate(LocalDate date) {
            this.issuedDate = date;
            return this;
        }

        public Builder copyKind(CopyKind kind) {
            this.copyKind = kind;
            return this;
        }

        public Builder organisation(String name) {
            this.organisation = nfc(name);
            return this;
        }

        public Builder template(String template) {
            this.template = template == null ? null : Normalizer.normalize(template.replace("\\n", "\n"), Normalizer.Form.NFC);
            return this;
        }

        public Builder font(AppearanceFont font) {
            this.font = font;
            return this;
        }

        public Builder fontSize(float points) {
            this.fontSize = points;
            return this;
        }

        /**
         * @throws SignerException USAGE naming what is missing or does not fit the mode, or the
         *                         characters the font cannot draw
         */
        public Appearance build() {
            if (built) {
                throw new IllegalStateException("this builder has built its Appearance already");
            }
            built = true;
            check();
            AppearanceFont chosen = font != null ? font : AppearanceFont.bundled();
            for (var text : new String[][] {{anchor, "anchor"}, {docNumber, "docNumber"}, {organisation, "organisation"},
                    {template, "template"}, {copyKind == null ? null : copyKind.label(), "copyKind"}}) {
                if (text[0] != null) {
                    chosen.requireCovers(text[0], text[1]);
                }
            }
            return new Appearance(mode, image, seal, sealSizeMm, box, anchor, docNumber, issuedDate, copyKind,
                    organisation, mode == AppearanceMode.TEXT && template == null ? DEFAULT_TEMPLATE : template,
                    chosen, fontSize);
        }

        private void check() {
            String name = mode.name().toLowerCase();
            require(mode == AppearanceMode.PERSONAL || image == null, Problem.of("appearance.imageNotPersonal"));
            require(mode == AppearanceMode.ORGANISATION || seal == null, Problem.of("appearance.sealNotOrganisation"));
            require(mode == AppearanceMode.PERSONAL || anchor == null, Problem.of("appearance.anchorNotPersonal"));
            require(mode == AppearanceMode.COPY || copyKind == null, Problem.of("appearance.copyKindNotCopy"));
            require(mode == AppearanceMode.ORGANISATION || issuedDate == null, Problem.of("appearance.issuedDateNotOrganisation"));
            require(mode == AppearanceMode.TEXT || template == null, Problem.of("appearance.templateNotText"));
            require(fontSize >= 4 && fontSize <= 72, Problem.of("appearance.fontSize", fontSize));
            switch (mode) {
                case PERSONAL -> {
                    require(image != null, Problem.of("appearance.personalNeedsImage"));
                    require(box != null ^ anchor != null, Problem.of("appearance.personalNeedsPlace"));
                }
                case ORGANISATION -> {
                    require(seal != null, Problem.of("appearance.organisationNeedsSeal"));
                    require(sealSizeMm >= 10 && sealSizeMm <= 100, Problem.of("appearance.sealSize", sealSizeMm));
                }
                case COPY -> {
                    require(copyKind != null, Problem.of("appearance.copyNeedsKind"));
                    require(organisation != null, Problem.of("appearance.copyNeedsOrganisation"));
                }
                case APPENDIX, ATTACHMENT -> require(docNumber != null, Problem.of("appearance.needsDocNumber", name));
                case TEXT -> {
                    // Everything is optional: the template falls back to the certificate's names.
                }
            }
        }

        private static void require(boolean condition, Problem problem) {
            if (!condition) {
                throw new SignerException(ErrorCode.USAGE, problem);
            }
        }

        private static String nfc(String text) {
            return text == null || text.isBlank() ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        }
    }
}
