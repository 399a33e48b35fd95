package vn.signer.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Where a signed revision's pages show something: whether an area added later would cover signed
 * content. Pages are drawn at half of 72 dpi, in grey, once each; a page too large to draw (see
 * {@link PageContent#drawable}), or turned, is not drawn and every area counts as covering.
 */
final class SignedContentArea {
    private static final float SCALE = 0.5f;
    /** Lighter than this counts as the paper. */
    private static final int PAPER = 245;

    private final PDDocument signed;
    private final Map<Integer, BufferedImage> drawn = new HashMap<>();

    SignedContentArea(PDDocument signed) {
        this.signed = signed;
    }

    /** Whether {@code area} (page coordinates) on page {@code index} (from 0) covers anything drawn there. */
    boolean covers(int index, PDRectangle area) throws IOException {
        PDPage page = signed.getPage(index);
        PDRectangle crop = page.getCropBox();
        if (page.getRotation() % 360 != 0 || !PageContent.drawable(page)) {
            return true;
        }
        BufferedImage image = drawn.get(index);
        if (image == null) {
            image = new PDFRenderer(signed).renderImage(index, SCALE, ImageType.GRAY);
            drawn.put(index, image);
        }
        int x0 = clamp((area.getLowerLeftX() - crop.getLowerLeftX()) * SCALE, image.getWidth());
        int x1 = clamp((area.getUpperRightX() - crop.getLowerLeftX()) * SCALE + 1, image.getWidth());
        int y0 = clamp((crop.getUpperRightY() - area.getUpperRightY()) * SCALE, image.getHeight());
        int y1 = clamp((crop.getUpperRightY() - area.getLowerLeftY()) * SCALE + 1, image.getHeight());
        var raster = image.getRaster();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (raster.getSample(x, y, 0) < PAPER) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int clamp(float value, int limit) {
        return (int) Math.max(0, Math.min(limit, value));
    }
}
