package vn.signer.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page's own content, as drawn beneath its annotations: the content streams, the resources they
 * use (fonts, images, form XObjects) and the page's boxes and rotation, inherited ones included.
 * Annotations and widgets are judged apart, by who added them; this compares the rest.
 */
final class PageContent {
    private static final Set<COSName> INHERITED = Set.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX,
            COSName.ROTATE);
    /** 16 million pixels at 72 dpi: a page of 1.4 × 1.4 m, far beyond any paper size. */
    static final long MAX_PIXELS = 16_000_000;

    /** A page too large to be drawn for comparison. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(int page) {
            super("page " + page + " is too large to draw", null, false, false);
        }
    }

    private PageContent() {
    }

    /** Whether two revisions of a page have the same objects for their content (annotations left out). */
    static boolean same(CosComparison compare, PDPage a, PDPage b) throws CosComparison.Exhausted {
        Set<COSName> ignored = new HashSet<>(INHERITED);
        ignored.add(COSName.ANNOTS);
        if (!compare.sameEntries(a.getCOSObject(), b.getCOSObject(), ignored)) {
            return false;
        }
        for (COSName key : INHERITED) {
            if (!compare.same(inherited(a.getCOSObject(), key), inherited(b.getCOSObject(), key))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether page {@code index} (from 0) looks the same in both revisions when drawn without any
     * annotation: objects that differ may still draw the same picture (a resaved stream, say).
     *
     * @throws TooLarge when either page is over {@link #MAX_PIXELS}
     */
    static boolean looksSame(PDDocument before, PDDocument after, int index) throws IOException, TooLarge {
        BufferedImage a = draw(before, index);
        BufferedImage b = draw(after, index);
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        int[] rowA = new int[a.getWidth()];
        int[] rowB = new int[b.getWidth()];
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, rowA.length, 1, rowA, 0, rowA.length);
            b.getRGB(0, y, rowB.length, 1, rowB, 0, rowB.length);
            if (!Arrays.equals(rowA, rowB)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage draw(PDDocument document, int index) throws IOException, TooLarge {
        PDPage page = document.getPage(index);
        PDRectangle crop = page.getCropBox();
        double pixels = (double) crop.getWidth() * crop.getHeight();
        if (!(pixels <= MAX_PIXELS)) {
            throw new TooLarge(index + 1);
        }
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setAnnotationsFilter(annotation -> false);
        return renderer.renderImage(index, 1f, ImageType.RGB);
    }

    private static COSBase inherited(COSDictionary page, COSName key) {
        COSDictionary node = page;
        for (int depth = 0; node != null && depth < 64; depth++) {
            COSBase value = node.getItem(key);
            if (value != null) {
                return value;
            }
            node = node.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent ? parent : null;
        }
        return null;
    }
}
