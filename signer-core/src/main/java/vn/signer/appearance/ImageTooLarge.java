package vn.signer.appearance;

import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * An appearance image with more pixels than {@link PngImage#MAX_PIXELS}: drawing it would decode the
 * whole image into memory (four bytes a pixel) before it is scaled down to a few centimetres. Its
 * own type, so that a front end can say in its own language what is wrong with which image.
 */
public final class ImageTooLarge extends SignerException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long width;
    private final long height;

    ImageTooLarge(Path file, long width, long height) {
        super(ErrorCode.BAD_INPUT, file + ": the image is " + width + " × " + height + " pixels (" + megapixels(width * height)
                        + " megapixels), more than the " + megapixels(PngImage.MAX_PIXELS) + " megapixels a signature image may have",
                "scale it down: a 40 mm seal printed at 600 dpi is 945 × 945 pixels");
        this.file = file;
        this.width = width;
        this.height = height;
    }

    public Path file() {
        return file;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    /** Megapixels with one decimal, as people count image sizes. */
    public static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6);
    }
}
