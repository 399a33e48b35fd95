package vn.signer.appearance;

import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * A rectangle on a page in PDF points (1/72 inch), measured from the page's lower-left corner as in
 * the PDF itself.
 *
 * @param page   the page, from 1
 * @param x      the left edge
 * @param y      the bottom edge
 * @param width  the width
 * @param height the height
 */
public record Box(int page, float x, float y, float width, float height) {
    /** Points per millimetre. */
    public static final float MM = 72f / 25.4f;

    public Box {
        if (page < 1) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("box.noSuchPage", page));
        }
        if (!(width > 0) || !(height > 0)) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("box.empty"));
        }
    }

    public float right() {
        return x + width;
    }

    public float top() {
        return y + height;
    }

    public float centreX() {
        return x + width / 2;
    }

    public float centreY() {
        return y + height / 2;
    }

    /** Whether the two boxes share some area on the same page. */
    public boolean overlaps(Box other) {
        return page == other.page && x < other.right() && other.x < right() && y < other.top() && other.y < top();
    }

    /**
     * A length as given on the command line: points ("72", "72pt") or millimetres ("25.4mm").
     *
     * @throws SignerException USAGE for anything else
     */
    public static float length(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("mm")) {
                return Float.parseFloat(t.substring(0, t.length() - 2).strip()) * MM;
            }
            if (t.endsWith("pt")) {
                return Float.parseFloat(t.substring(0, t.length() - 2).strip());
            }
            return Float.parseFloat(t);
        } catch (NumberFormatException e) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("box.notLength", text), e);
        }
    }
}
