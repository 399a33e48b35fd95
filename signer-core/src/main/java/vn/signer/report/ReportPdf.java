package vn.signer.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.signer.appearance.AppearanceFont;
import vn.signer.verify.Verdict;

/**
 * The PDF report to keep ("Báo cáo kiểm tra chữ ký số"): a {@link ReportSheet} laid out on A4 pages
 * in the font signer draws visible signatures with (Liberation Serif, embedded as a subset with its
 * Unicode map, so that Vietnamese text is extracted as written). A character the font cannot draw
 * (a document's name in another script) is written as its {@code \}{@code uXXXX} escape instead of
 * an empty box.
 */
public final class ReportPdf {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 170;
    private static final AppearanceFont FONT = AppearanceFont.bundled();

    private ReportPdf() {
    }

    /** The colours of a verdict: text and background. */
    static Color[] colours(Verdict verdict) {
        return switch (verdict) {
            case VALID -> new Color[] {new Color(0x1b5e20), new Color(0xe6f4e7)};
            case INVALID -> new Color[] {new Color(0xb71c1c), new Color(0xfdeaea)};
            case INDETERMINATE -> new Color[] {new Color(0x7a4f00), new Color(0xfff3cd)};
            case NO_SIGNATURE -> new Color[] {new Color(0x424242), new Color(0xeeeeee)};
        };
    }

    /** Writes {@code sheet} as a PDF to {@code out} (not closed). */
    public static void write(ReportSheet sheet, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(FONT.bytes()), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(sheet.title());
            info.setCreator("signer");
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            info.setCreationDate(now);
            doc.getDocumentCatalog().setLanguage(Words.isVietnamese(sheet.language()) ? "vi" : "en");
            try (Layout layout = new Layout(doc, font)) {
                layout.text(sheet.title(), 18, Color.BLACK, 0);
                layout.gap(8);
                Color[] colours = colours(sheet.verdict());
                layout.banner(sheet.headline(), sheet.summary(), colours[0], colours[1]);
                layout.heading(sheet.document().isEmpty() ? "" : labelOf(sheet, "document"));
                layout.facts(sheet.document());
                for (ReportSheet.Card card : sheet.signatures()) {
                    Color[] c = colours(card.verdict());
                    layout.gap(6);
                    layout.banner(card.title() + " — " + card.signer(), card.headline(), c[0], c[1]);
                    layout.facts(card.facts());
                    layout.list(card.reasons(), c[0]);
                    layout.list(card.notes(), Color.DARK_GRAY);
                }
                if (!sheet.timeline().isEmpty()) {
                    layout.heading(labelOf(sheet, "timeline"));
                    for (ReportSheet.Revision revision : sheet.timeline()) {
                        layout.text(revision.title(), 11, colours(revision.verdict())[0], 0);
                        if (revision.changes().isEmpty()) {
                            layout.text(revision.nothing(), 10, Color.DARK_GRAY, 14);
                        }
                        for (ReportSheet.Change change : revision.changes()) {
                            layout.text("• " + change.text() + " — " + change.allowedText(), 10,
                                    change.allowed() ? Color.DARK_GRAY : colours(Verdict.INVALID)[0], 14);
                        }
                        layout.gap(4);
                    }
                }
                layout.gap(10);
                layout.text(sheet.footer(), 9, Color.GRAY, 0);
            }
            doc.save(out);
        }
    }

    private static String labelOf(ReportSheet sheet, String section) {
        return Words.of(sheet.language()).message("vn.signer.report.ReportText", "section." + section, List.of());
    }

    /** Text drawn down the pages, a new page when the current one is full. */
    private static final class Layout implements AutoCloseable {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Layout(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void heading(String text) throws IOException {
            gap(10);
            room(40);
            text(text, 14, Color.BLACK, 0);
            gap(2);
        }

        /** Wrapped lines of {@code text}, indented by {@code indent}. */
        void text(String text, float size, Color colour, float indent) throws IOException {
            for (String line : wrap(drawable(text), size, WIDTH - indent)) {
                room(size * 1.35f);
                y -= size * 1.35f;
                draw(line, MARGIN + indent, y, size, colour);
            }
        }

        /** A coloured box: a line in large type and a sentence below it. */
        void banner(String big, String small, Color colour, Color background) throws IOException {
            List<String> bigLines = wrap(drawable(big), 15, WIDTH - 16);
            List<String> smallLines = wrap(drawable(small), 10.5f, WIDTH - 16);
            float height = bigLines.size() * 15 * 1.3f + smallLines.size() * 10.5f * 1.35f + 14;
            room(height);
            content.setNonStrokingColor(background);
            content.addRect(MARGIN, y - height, WIDTH, height);
            content.fill();
            content.setNonStrokingColor(colour);
            content.addRect(MARGIN, y - height, 4, height);
            content.fill();
            float line = y - 7;
            for (String text : bigLines) {
                line -= 15 * 1.3f;
                draw(text, MARGIN + 10, line + 4, 15, colour);
            }
            for (String text : smallLines) {
                line -= 10.5f * 1.35f;
                draw(text, MARGIN + 10, line + 4, 10.5f, Color.BLACK);
            }
            y -= height + 4;
        }

        void facts(List<ReportSheet.Fact> facts) throws IOException {
            for (ReportSheet.Fact fact : facts) {
                List<String> labels = wrap(drawable(fact.label()), 9.5f, LABEL_WIDTH - 8);
                List<String> values = wrap(drawable(fact.value()), 10, WIDTH - LABEL_WIDTH);
                int lines = Math.max(labels.size(), values.size());
                room(lines * 13.5f + 2);
                Color colour = fact.alert() ? colours(Verdict.INVALID)[0] : Color.BLACK;
                for (int i = 0; i < lines; i++) {
                    y -= 13.5f;
                    if (i < labels.size()) {
                        draw(labels.get(i), MARGIN, y, 9.5f, Color.DARK_GRAY);
                    }
                    if (i < values.size()) {
                        draw(values.get(i), MARGIN + LABEL_WIDTH, y, 10, colour);
                    }
                }
                y -= 2;
            }
        }

        void list(List<String> items, Color colour) throws IOException {
            for (String item : items) {
                text("• " + item, 10, colour, 8);
            }
        }

        private void draw(String line, float x, float baseline, float size, Color colour) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(colour);
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
        }

        private float width(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lines of at most {@code width}: broken at spaces, and inside a word longer than a line (a hash, a name). */
        private List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int cp : word.codePoints().toArray()) {
                    String more = line + new String(Character.toChars(cp));
                    if (!line.isEmpty() && width(more, size) > width) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** {@code text} with what the font has no glyph for (and any line break left) written as escapes. */
    static String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == ' ' || cp >= 0x20 && FONT.covers(cp) && !Printable.escaped(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isBmpCodePoint(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.toString();
    }
}
