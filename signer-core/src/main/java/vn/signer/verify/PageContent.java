package vn.signer.verify;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import vn.signer.work.Cancellation;

/**
 * A page's own content, as drawn beneath its annotations: the content streams, the resources they
 * use (fonts, images, form XObjects) and the page's boxes and rotation, inherited ones included.
 * Annotations and widgets are judged apart, by who added them; this compares the rest.
 */
final class PageContent {
    private static final Set<COSName> INHERITED = Set.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX,
            COSName.ROTATE);
    /**
     * The largest page drawn for a comparison, in pixels at 72 dpi: 9 million, which takes in A0 (8.0
     * million) and two grey images of 9 MB. A larger page is not drawn: a hostile revision cannot make
     * a verification hold gigabytes by declaring a page of 14,400 points.
     */
    static final long MAX_PIXELS = 9_000_000;

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
        // Grey, one byte a pixel: a change a person can see changes its lightness too.
        BufferedImage a = draw(before, index);
        BufferedImage b = draw(after, index);
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && Arrays.equals(((DataBufferByte) a.getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) b.getRaster().getDataBuffer()).getData());
    }

    /** Whether {@code page} is small enough to draw at 72 dpi. */
    static boolean drawable(PDPage page) {
        PDRectangle crop = page.getCropBox();
        return (double) crop.getWidth() * crop.getHeight() <= MAX_PIXELS;
    }

    private static BufferedImage draw(PDDocument document, int index) throws IOException, TooLarge {
        if (!drawable(document.getPage(index))) {
            throw new TooLarge(index + 1);
        }
        PDFRenderer renderer = new StoppableRenderer(document);
        renderer.setAnnotationsFilter(annotation -> false);
        return renderer.renderImage(index, 1f, ImageType.GRAY);
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

    /**
     * Draws as PDFBox does, stopping when the thread is interrupted: one page of a hostile document can
     * hold millions of operators, far more time than anything between pages.
     */
    private static final class StoppableRenderer extends PDFRenderer {
        StoppableRenderer(PDDocument document) {
            super(document);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                private int operators;

                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (++operators % 1024 == 0) {
                        Cancellation.check();
                    }
                    super.processOperator(operator, operands);
                }
            };
        }
    }
}
