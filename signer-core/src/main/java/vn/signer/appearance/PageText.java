package vn.signer.appearance;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of text on a page with where each character is, read with PDFBox's text extraction.
 * Text is NFC: a PDF may hold a decomposed "ệ" as three glyphs, which would never match a typed name.
 */
final class PageText {

    /**
     * One character (after NFC) and where it is in PDF space.
     *
     * @param text     the character, NFC (combining marks joined to their base)
     * @param x        left edge
     * @param right    right edge
     * @param baseline the baseline, from the page's bottom
     * @param height   the glyph height
     */
    record Glyph(String text, float x, float right, float baseline, float height) {
    }

    /** A line of text as a row of glyphs; spaces between words carry no position. */
    record Line(List<Glyph> glyphs) {
        String text() {
            StringBuilder s = new StringBuilder();
            glyphs.forEach(g -> s.append(g.text()));
            return s.toString();
        }

        float baseline() {
            return glyphs.stream().filter(g -> g.height() > 0).map(Glyph::baseline).findFirst().orElse(0f);
        }

        float height() {
            return (float) glyphs.stream().mapToDouble(Glyph::height).max().orElse(0);
        }

        float left() {
            return (float) glyphs.stream().filter(g -> g.height() > 0).mapToDouble(Glyph::x).min().orElse(0);
        }

        float right() {
            return (float) glyphs.stream().filter(g -> g.height() > 0).mapToDouble(Glyph::right).max().orElse(0);
        }
    }

    private PageText() {
    }

    /** The lines of page {@code page} (from 1), top to bottom. */
    static List<Line> lines(PDDocument document, int page) throws IOException {
        Collector collector = new Collector(document.getPage(page - 1).getCropBox().getHeight()
                + document.getPage(page - 1).getCropBox().getLowerLeftY());
        collector.setSortByPosition(true);
        collector.setStartPage(page);
        collector.setEndPage(page);
        collector.getText(document);
        collector.flush();
        return collector.lines;
    }

    /** Gathers glyphs per line: PDFBox calls writeString per word and writeLineSeparator between lines. */
    private static final class Collector extends PDFTextStripper {
        private final float pageTop;
        private final List<Line> lines = new ArrayList<>();
        private List<Glyph> current = new ArrayList<>();

        Collector(float pageTop) {
            this.pageTop = pageTop;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                String unit = Normalizer.normalize(p.getUnicode(), Normalizer.Form.NFC);
                float baseline = pageTop - p.getYDirAdj();
                if (!current.isEmpty() && isCombining(unit)) {
                    Glyph base = current.remove(current.size() - 1);
                    current.add(new Glyph(Normalizer.normalize(base.text() + unit, Normalizer.Form.NFC), base.x(),
                            Math.max(base.right(), p.getXDirAdj() + p.getWidthDirAdj()), base.baseline(), base.height()));
                } else {
                    current.add(new Glyph(unit, p.getXDirAdj(), p.getXDirAdj() + p.getWidthDirAdj(), baseline, p.getHeightDir()));
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            current.add(new Glyph(" ", 0, 0, 0, 0));
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        void flush() {
            if (!current.isEmpty()) {
                lines.add(new Line(List.copyOf(current)));
                current = new ArrayList<>();
            }
        }

        private static boolean isCombining(String unit) {
            return !unit.isEmpty() && unit.codePoints().allMatch(cp -> Character.getType(cp) == Character.NON_SPACING_MARK);
        }
    }
}
