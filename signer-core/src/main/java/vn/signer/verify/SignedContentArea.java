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
 * Where a signed revision's pages show something: how much of an area added later would cover signed
 * content. Pages are drawn at half of 72 dpi, in grey, once each; a page too large to draw (see
 * {@link PageContent#drawable}), or turned, is not drawn and every area counts as covered.
 */
final class SignedContentArea {
    private static final float SCALE = 0.5f;
    /** Lighter than this counts as the paper. */
    private static final int PAPER = 245;

    private final PDDocument signed;
    private final Map<Integer, BufferedImage> drawn = new HashMap<>();
    private final Map<Integer, BufferedImage> drawnBare = new HashMap<>();

    SignedContentArea(PDDocument signed) {
        this.signed = signed;
    }

    /**
     * The share of {@code area} (page coordinates) on page {@code index} (from 0) that is drawn on, from 0
     * to 1: with the page's annotations (signed seals and notes are signed content too) or without them
     * (the page's own content, under any empty widget). 1 for a page that cannot be told.
     */
    double inked(int index, PDRectangle area, boolean withAnnotations) throws IOException {
        PDPage page = signed.getPage(index);
        PDRectangle crop = page.getCropBox();
        if (page.getRotation() % 360 != 0 || !PageContent.drawable(page)) {
            return 1;
        }
        Map<Integer, BufferedImage> cache = withAnnotations ? drawn : drawnBare;
        BufferedImage image = cache.get(index);
        if (image == null) {
            PDFRenderer renderer = new PDFRenderer(signed);
            if (!withAnnotations) {
                renderer.setAnnotationsFilter(annotation -> false);
            }
            image = renderer.renderImage(index, SCALE, ImageType.GRAY);
            cache.put(index, image);
        }
        int x0 = clamp((area.getLowerLeftX() - crop.getLowerLeftX()) * SCALE, image.getWidth());
        int x1 = clamp((area.getUpperRightX() - crop.getLowerLeftX()) * SCALE + 1, image.getWidth());
        int y0 = clamp((crop.getUpperRightY() - area.getUpperRightY()) * SCALE, image.getHeight());
        int y1 = clamp((crop.getUpperRightY() - area.getLowerLeftY()) * SCALE + 1, image.getHeight());
        long inked = 0;
        var raster = image.getRaster();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (raster.getSample(x, y, 0) < PAPER) {
                    inked++;
                }
            }
        }
        long all = (long) (x1 - x0) * (y1 - y0);
        return all == 0 ? 0 : (double) inked / all;
    }

    private static int clamp(float value, int limit) {
        return (int) Math.max(0, Math.min(limit, value));
    }
}
