package vn.signer.appearance;

import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * A signature box given by hand that does not lie on its page (DSS would refuse it later with a
 * message about signature levels). Its own type, so that a front end can say in its own language
 * where the box is, how large the page is and where the box may go.
 *
 * @see VisibleSignature
 */
public final class BoxOffPage extends SignerException {
    private static final long serialVersionUID = 1L;

    private final Box box;
    private final float pageWidth;
    private final float pageHeight;

    BoxOffPage(String file, Box box, float pageWidth, float pageHeight) {
        super(ErrorCode.USAGE, file + ": the signature box (x " + points(box.x()) + ", y " + points(box.y()) + ", "
                + points(box.width()) + " × " + points(box.height()) + " pt) does not fit on page " + box.page() + ", which is "
                + points(pageWidth) + " × " + points(pageHeight) + " pt (" + millimetres(pageWidth) + " × "
                + millimetres(pageHeight) + " mm)", tooLarge(box, pageWidth, pageHeight) ? "make the box smaller than the page"
                : "put the box on the page: for this size x from 0 to " + points(pageWidth - box.width()) + " and y from 0 to "
                        + points(pageHeight - box.height()) + " pt, measured from the bottom-left corner");
        this.box = box;
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
    }

    public Box box() {
        return box;
    }

    public float pageWidth() {
        return pageWidth;
    }

    public float pageHeight() {
        return pageHeight;
    }

    /** Whether no place on the page can hold the box. */
    public boolean tooLarge() {
        return tooLarge(box, pageWidth, pageHeight);
    }

    private static boolean tooLarge(Box box, float pageWidth, float pageHeight) {
        return box.width() > pageWidth || box.height() > pageHeight;
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
