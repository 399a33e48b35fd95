package vn.signer.appearance;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * A signature box given by hand that does not lie on its page (DSS would refuse it later with a
 * message about signature levels). Its own type, so that a front end can say in its own language
 * where the box is, how large the page is and where the box may go.
 */
public final class BoxOffPage extends SignerException {
    private static final long serialVersionUID = 1L;

    private final transient Box box;
    private final transient PDRectangle page;

    BoxOffPage(String file, Box box, PDRectangle page) {
        super(ErrorCode.USAGE, file + ": the signature box (x " + points(box.x()) + ", y " + points(box.y()) + ", "
                + points(box.width()) + " × " + points(box.height()) + " pt) does not fit on page " + box.page() + ", which is "
                + points(page.getWidth()) + " × " + points(page.getHeight()) + " pt (" + millimetres(page.getWidth()) + " × "
                + millimetres(page.getHeight()) + " mm)", tooLarge(box, page) ? "make the box smaller than the page"
                : "put the box on the page: for this size x from " + points(page.getLowerLeftX()) + " to "
                        + points(page.getUpperRightX() - box.width()) + " and y from " + points(page.getLowerLeftY()) + " to "
                        + points(page.getUpperRightY() - box.height()) + " pt, measured from the bottom-left corner");
        this.box = box;
        this.page = page;
    }

    public Box box() {
        return box;
    }

    public float pageWidth() {
        return page.getWidth();
    }

    public float pageHeight() {
        return page.getHeight();
    }

    /** The smallest x the box may have: the page's left edge, 0 on nearly every page. */
    public float minX() {
        return page.getLowerLeftX();
    }

    /** The largest x a box of this width may have. */
    public float maxX() {
        return page.getUpperRightX() - box.width();
    }

    /** The smallest y the box may have: the page's bottom edge, 0 on nearly every page. */
    public float minY() {
        return page.getLowerLeftY();
    }

    /** The largest y a box of this height may have. */
    public float maxY() {
        return page.getUpperRightY() - box.height();
    }

    /** Whether no place on the page can hold the box. */
    public boolean tooLarge() {
        return tooLarge(box, page);
    }

    private static boolean tooLarge(Box box, PDRectangle page) {
        return box.width() > page.getWidth() || box.height() > page.getHeight();
    }

    /** Points with at most one decimal ("595.3", "50"). */
    public static String points(float value) {
        String text = String.format(java.util.Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** Whole millimetres. */
    public static String millimetres(float points) {
        return String.valueOf(Math.round(points / Box.MM));
    }
}
