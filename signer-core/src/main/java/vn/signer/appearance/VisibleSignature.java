package vn.signer.appearance;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Turns an {@link Appearance} into DSS's visible-signature parameters for one document: finds the
 * place (from the page text, the signature already there, or the top-right corner of page 1), lays out
 * the text and checks the font can draw it, all before anything is signed or written.
 */
public final class VisibleSignature {
    /** Decree 30 puts the copy/appendix text block in the top-right corner; keep it off the page edge. */
    private static final float CORNER_MARGIN = 10 * Box.MM;
    /** Above the national motto, which starts about 15 mm below the top edge, and still inside printers' margins. */
    private static final float TOP_MARGIN = 4 * Box.MM;
    private static final float PADDING = 3f;
    /** Line height as a share of the font size, as DSS lays out lines. */
    private static final float LEADING = 1.25f;

    private VisibleSignature() {
    }

    /**
     * @param document the PDF about to be signed
     * @throws SignerException USAGE (no place found, a page that does not exist, text the font cannot
     *                         draw), BAD_INPUT (the PDF cannot be read)
     */
    public static SignatureImageParameters parameters(Appearance appearance, DSSDocument document, SigningContext context) {
        List<String> lines = AppearanceText.lines(appearance, context);
        appearance.font().requireCovers(String.join("\n", lines), "lines");
        try (PDDocument pdf = load(document)) {
            Box box = place(appearance, pdf, lines, document.getName());
            PDRectangle page = pdf.getPage(box.page() - 1).getMediaBox();
            return dss(appearance, lines, box, page);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("pdf.unreadableForPlacing", document.getName(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * DSS's check of a new signature field's position, allowing one to overlap an existing signature:
     * Decree 30 puts the organisation's seal over the left third of the personal signature. A field off
     * the page is still refused.
     */
    public static PdfSignatureFieldPositionChecker positionChecker() {
        PdfSignatureFieldPositionChecker checker = new PdfSignatureFieldPositionChecker();
        checker.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
        return checker;
    }

    /**
     * What the signer should know before this appearance goes on {@code pdf}.
     *
     * @throws SignerException BAD_INPUT when the PDF cannot be read
     */
    public static List<AppearanceWarning> warnings(Appearance appearance, Path pdf) {
        if (appearance.mode() != AppearanceMode.ORGANISATION) {
            return List.of();
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return SignatureWidgets.anySigned(document) ? List.of() : List.of(AppearanceWarning.NO_PERSONAL_SIGNATURE);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("pdf.unreadable", pdf.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** Where the appearance goes, in PDF space. */
    static Box place(Appearance appearance, PDDocument pdf, List<String> lines, String file) throws IOException {
        Box box = appearance.box();
        if (box != null) {
            if (box.page() > pdf.getNumberOfPages()) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("box.pageMissing", file, box.page(), pdf.getNumberOfPages()));
            }
            requireOnPage(box, pdf.getPage(box.page() - 1).getMediaBox(), file);
            return box;
        }
        return switch (appearance.mode()) {
            case PERSONAL -> AnchorPlacement.above(pdf, appearance.anchor(), appearance.image().aspect(), file);
            case ORGANISATION -> overPersonal(appearance, pdf, lines, file);
            case COPY, APPENDIX, ATTACHMENT, TEXT -> topRight(appearance, pdf, lines);
        };
    }

    /** A box given by hand must lie on its page, the media box, which {@link #dss} measures from too. */
    private static void requireOnPage(Box box, PDRectangle page, String file) {
        if (box.x() < page.getLowerLeftX() || box.y() < page.getLowerLeftY() || box.right() > page.getUpperRightX()
                || box.top() > page.getUpperRightY()) {
            boolean tooLarge = box.width() > page.getWidth() || box.height() > page.getHeight();
            throw new SignerException(ErrorCode.USAGE, Problem.of(tooLarge ? "box.tooLarge" : "box.offPage", file,
                    tenths(box.x()), tenths(box.y()), tenths(box.width()), tenths(box.height()), box.page(),
                    tenths(page.getWidth()), tenths(page.getHeight()), Math.round(page.getWidth() / Box.MM),
                    Math.round(page.getHeight() / Box.MM), tenths(page.getLowerLeftX()), tenths(page.getUpperRightX() - box.width()),
                    tenths(page.getLowerLeftY()), tenths(page.getUpperRightY() - box.height())));
        }
    }

    /** Points to one decimal, as the refusal of a box shows them. */
    private static double tenths(float points) {
        return Math.round(points * 10) / 10.0;
    }

    /** The seal at real size, centred on the left third of the last visible signature. */
    private static Box overPersonal(Appearance appearance, PDDocument pdf, List<String> lines, String file) throws IOException {
        List<Box> signed = SignatureWidgets.signed(pdf);
        if (signed.isEmpty()) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("seal.nothingToCover", file));
        }
        Box personal = signed.get(signed.size() - 1);
        float height = appearance.sealSizeMm() * Box.MM;
        float width = height * appearance.seal().aspect();
        float centreX = personal.x() + personal.width() / 6;
        Box seal = new Box(personal.page(), centreX - width / 2, personal.centreY() - height / 2, width, height);
        return withTextBelow(seal, appearance, lines);
    }

    /** Room under the seal for the number and date, which DSS draws below the image. */
    private static Box withTextBelow(Box seal, Appearance appearance, List<String> lines) {
        if (lines.isEmpty()) {
            return seal;
        }
        float textWidth = textWidth(appearance, lines);
        float textHeight = textHeight(appearance, lines);
        float width = Math.max(seal.width(), textWidth);
        return new Box(seal.page(), seal.centreX() - width / 2, seal.y() - textHeight, width, seal.height() + textHeight);
    }

    private static Box topRight(Appearance appearance, PDDocument pdf, List<String> lines) {
        PDRectangle page = pdf.getPage(0).getMediaBox();
        float width = textWidth(appearance, lines);
        float height = textHeight(appearance, lines);
        return new Box(1, page.getUpperRightX() - CORNER_MARGIN - width, page.getUpperRightY() - TOP_MARGIN - height,
                width, height);
    }

    private static float textWidth(Appearance appearance, List<String> lines) {
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, appearance.font().width(line, appearance.fontSize()));
        }
        // A little slack: DSS measures with its own rounding and must not wrap or shrink the text.
        return widest + 2 * PADDING + appearance.fontSize();
    }

    private static float textHeight(Appearance appearance, List<String> lines) {
        return lines.size() * appearance.fontSize() * LEADING + 2 * PADDING;
    }

    private static SignatureImageParameters dss(Appearance appearance, List<String> lines, Box box, PDRectangle page) {
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(box.page());
        // DSS measures from the page's top-left corner, PDF from its bottom-left.
        field.setOriginX(box.x() - page.getLowerLeftX());
        field.setOriginY(page.getUpperRightY() - box.top());
        field.setWidth(box.width());
        field.setHeight(box.height());
        image.setFieldParameters(field);
        PngImage picture = appearance.mode() == AppearanceMode.PERSONAL ? appearance.image() : appearance.seal();
        if (picture != null) {
            image.setImage(new InMemoryDocument(picture.bytes(), picture.file().getFileName().toString()));
            image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        }
        if (!lines.isEmpty()) {
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText(String.join("\n", lines));
            text.setFont(font(appearance));
            text.setTextColor(Color.BLACK);
            text.setPadding(PADDING);
            text.setSignerTextPosition(SignerTextPosition.BOTTOM);
            text.setSignerTextHorizontalAlignment(picture == null ? SignerTextHorizontalAlignment.LEFT
                    : SignerTextHorizontalAlignment.CENTER);
            text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.TOP);
            image.setTextParameters(text);
        }
        return image;
    }

    private static DSSFileFont font(Appearance appearance) {
        DSSFileFont font = new DSSFileFont(new InMemoryDocument(appearance.font().bytes(), appearance.font().name()),
                appearance.fontSize());
        // A subset keeps a signed page at tens of kilobytes instead of carrying the whole 400 KB font.
        font.setEmbedFontSubset(true);
        return font;
    }

    private static PDDocument load(DSSDocument document) throws IOException {
        try (InputStream in = document.openStream()) {
            return Loader.loadPDF(new RandomAccessReadBuffer(in));
        }
    }
}
