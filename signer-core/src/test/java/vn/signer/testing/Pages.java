package vn.signer.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/**
 * A PDF page as poppler's pdftoppm renders it, with pixel checks in PDF coordinates (points from the
 * page's bottom-left corner), and its text as pdftotext extracts it: what a reader of the signed
 * document sees, independently of PDFBox and DSS.
 */
public final class Pages {
    /** Rendering resolution: two pixels per point. */
    private static final int DPI = 144;
    private static final float SCALE = DPI / 72f;

    private final BufferedImage image;

    private Pages(BufferedImage image) {
        this.image = image;
    }

    /** Page {@code page} (from 1) of {@code pdf}, rendered. */
    public static Pages render(Path pdf, int page) {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-page");
        Tools.Result result = Tools.run(List.of("pdftoppm", "-png", "-r", String.valueOf(DPI), "-f", String.valueOf(page),
                "-l", String.valueOf(page), "-singlefile", pdf.toString(), prefix.toString()));
        Tools.check(result, "pdftoppm");
        try {
            return new Pages(ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of page {@code page} as pdftotext reads it (UTF-8). */
    public static String text(Path pdf, int page) {
        Tools.Result result = Tools.run(List.of("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(page), "-l",
                String.valueOf(page), pdf.toString(), "-"));
        Tools.check(result, "pdftotext");
        return result.stdout();
    }

    /** Pen blue: much more blue than red or green. */
    public static final IntPredicate BLUE = rgb -> blue(rgb) > 120 && blue(rgb) - red(rgb) > 80 && blue(rgb) - green(rgb) > 50;
    /** Seal red. */
    public static final IntPredicate RED = rgb -> red(rgb) > 150 && red(rgb) - green(rgb) > 90 && red(rgb) - blue(rgb) > 90;
    /** Text black (anti-aliased edges excluded). */
    public static final IntPredicate DARK = rgb -> red(rgb) < 90 && green(rgb) < 90 && blue(rgb) < 90;

    /** How many pixels inside the PDF-space rectangle match {@code colour}. */
    public int count(float x, float y, float width, float height, IntPredicate colour) {
        int left = Math.max(0, Math.round(x * SCALE));
        int right = Math.min(image.getWidth(), Math.round((x + width) * SCALE));
        int top = Math.max(0, image.getHeight() - Math.round((y + height) * SCALE));
        int bottom = Math.min(image.getHeight(), image.getHeight() - Math.round(y * SCALE));
        int n = 0;
        for (int py = top; py < bottom; py++) {
            for (int px = left; px < right; px++) {
                if (colour.test(image.getRGB(px, py))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The page's size in points. */
    public float widthPoints() {
        return image.getWidth() / SCALE;
    }

    public float heightPoints() {
        return image.getHeight() / SCALE;
    }

    /** Saves the rendering beside other test output, for a person looking into a failure. */
    public void save(Path png) {
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
