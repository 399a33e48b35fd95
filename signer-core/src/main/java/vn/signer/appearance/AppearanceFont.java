package vn.signer.appearance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * The TrueType font visible-signature text is drawn with, embedded as a subset. By default Liberation
 * Serif 2 (SIL OFL 1.1, license beside it in the resources): it covers Vietnamese and has the metrics
 * of Times New Roman, the font Decree 30 names, which may not be shipped.
 */
public final class AppearanceFont {
    private static final String BUNDLED = "fonts/LiberationSerif-Regular.ttf";

    private final String name;
    private final byte[] bytes;
    private final CmapLookup cmap;
    private final TrueTypeFont font;
    private final float unitsPerEm;

    private AppearanceFont(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        try {
            this.font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        } catch (IOException | RuntimeException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("font.unusable", name, String.valueOf(e.getMessage())), e);
        }
    }

    /** Liberation Serif, shipped with signer. */
    public static AppearanceFont bundled() {
        try (InputStream in = AppearanceFont.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + BUNDLED + " is missing from signer-core");
            }
            return new AppearanceFont("Liberation Serif", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled font", e);
        }
    }

    /**
     * @throws SignerException INPUT_MISSING, IO, BAD_INPUT
     */
    public static AppearanceFont file(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("font.missing", file.toString()));
        }
        try {
            return new AppearanceFont(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    public String name() {
        return name;
    }

    /** The font file, for embedding. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Refuses a text with characters the font has no glyph for, naming them: PDFBox would otherwise
     * fail half-way through signing, or a viewer show empty boxes.
     *
     * @param what which text it is, for the message: "anchor", "docNumber", "organisation", "template", "copyKind"
     *             or "lines" (the appearance's text)
     * @throws SignerException USAGE
     */
    public void requireCovers(String text, String what) {
        Set<String> missing = new LinkedHashSet<>();
        text.codePoints().filter(cp -> cp != '\n' && !covers(cp))
                .forEach(cp -> missing.add(new String(Character.toChars(cp)) + " (U+" + String.format("%04X", cp) + ")"));
        if (!missing.isEmpty()) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("font.cannotDraw." + what, name, List.copyOf(missing)));
        }
    }

    /** Whether the font has a glyph for {@code codePoint}. */
    public boolean covers(int codePoint) {
        return cmap != null && cmap.getGlyphId(codePoint) > 0;
    }

    /** The width of one line of text at {@code size} points. */
    public float width(String line, float size) {
        try {
            float units = 0;
            for (int cp : line.codePoints().toArray()) {
                int gid = cmap == null ? 0 : cmap.getGlyphId(cp);
                units += font.getAdvanceWidth(gid);
            }
            return units / unitsPerEm * size;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glyph widths of " + name, e);
        }
    }

    @Override
    public String toString() {
        return "AppearanceFont[" + name + "]";
    }
}
