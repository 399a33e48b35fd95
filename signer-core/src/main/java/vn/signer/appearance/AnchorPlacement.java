package vn.signer.appearance;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Finds where a personal signature goes from the text of the page: centred above the line holding the
 * anchor text (the signer's name), in the gap below the title line ("PHÓ GIÁM ĐỐC"), as Decree 30 lays
 * out the signature block.
 */
final class AnchorPlacement {
    /** When nothing is above the name, a usual signature height. */
    private static final float DEFAULT_HEIGHT = 25 * Box.MM;
    /** Keep the image clear of the lines above and below. */
    private static final float MARGIN = 2f;
    /** How far below its baseline a line's letters reach, as a share of its height. */
    private static final float DESCENT = 0.25f;

    private AnchorPlacement() {
    }

    /**
     * @param aspect the image's width divided by its height
     * @throws SignerException USAGE when the anchor is on no page
     */
    static Box above(PDDocument document, String anchor, float aspect, String file) throws IOException {
        String wanted = collapse(anchor);
        // The signature block closes a document: the last page holding the name is the one meant.
        for (int page = document.getNumberOfPages(); page >= 1; page--) {
            List<PageText.Line> lines = PageText.lines(document, page);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Box> box = place(lines, i, wanted, aspect, page);
                if (box.isPresent()) {
                    return box.get();
                }
            }
        }
        throw new SignerException(ErrorCode.USAGE, Problem.of("anchor.notFound", file, anchor));
    }

    private static Optional<Box> place(List<PageText.Line> lines, int index, String wanted, float aspect, int page) {
        PageText.Line line = lines.get(index);
        List<PageText.Glyph> glyphs = line.glyphs();
        String text = line.text();
        int at = text.indexOf(wanted);
        if (at < 0) {
            return Optional.empty();
        }
        // Glyph i holds exactly text.charAt-range of its own text: walk to the matched glyphs.
        int offset = 0;
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (PageText.Glyph g : glyphs) {
            int end = offset + g.text().length();
            if (end > at && offset < at + wanted.length() && g.height() > 0) {
                left = Math.min(left, g.x());
                right = Math.max(right, g.right());
            }
            offset = end;
        }
        float nameTop = line.baseline() + line.height();
        float centre = (left + right) / 2;
        float ceiling = titleBottom(lines, index, left, right).orElse(nameTop + DEFAULT_HEIGHT + 2 * MARGIN);
        float height = ceiling - nameTop - 2 * MARGIN;
        if (height <= 0) {
            return Optional.empty();
        }
        float width = height * aspect;
        return Optional.of(new Box(page, centre - width / 2, nameTop + MARGIN, width, height));
    }

    /** The bottom of the nearest line above {@code index} that shares some width with the name. */
    private static Optional<Float> titleBottom(List<PageText.Line> lines, int index, float left, float right) {
        PageText.Line name = lines.get(index);
        for (int i = index - 1; i >= 0; i--) {
            PageText.Line above = lines.get(i);
            if (above.baseline() > name.baseline() && above.left() < right && left < above.right()) {
                return Optional.of(above.baseline() - DESCENT * above.height());
            }
        }
        return Optional.empty();
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
