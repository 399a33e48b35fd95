import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.text.Normalizer;
import javax.imageio.ImageIO;

/**
 * Draws the DEMO images of samples/images: the blue handwritten signature of the fictional Phó Giám đốc
 * Đặng Thị Phượng and the red round seal of the fictional Sở Khoa học và Công nghệ tỉnh Sông Lam, both
 * transparent PNGs as Decree 30 asks. Run: java -Djava.awt.headless=true MakeSampleImages.java OUTDIR
 * (needs fonts-liberation2 for the Vietnamese letters of the seal).
 */
public class MakeSampleImages {
    /** The blue of a ballpoint pen. */
    static final Color INK = new Color(0x1a, 0x3c, 0xb4);
    /** Seal red. */
    static final Color SEAL = new Color(0xd0, 0x10, 0x10);

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "samples/images");
        out.mkdirs();
        Font sans = Font.createFont(Font.TRUETYPE_FONT,
                new File("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"));
        write(signature(), new File(out, "chu-ky-mau.png"));
        write(seal(sans), new File(out, "con-dau-mau.png"));
    }

    static BufferedImage signature() {
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        g.setColor(INK);
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // A flourish: a looped capital, a running line of small loops, an underline sweep.
        Path2D.Float path = new Path2D.Float();
        path.moveTo(60, 200);
        path.curveTo(90, 40, 190, 40, 170, 130);
        path.curveTo(150, 220, 80, 210, 120, 150);
        path.curveTo(160, 100, 210, 170, 240, 150);
        for (int i = 0; i < 5; i++) {
            float x = 240 + i * 55;
            path.curveTo(x + 15, 90, x + 40, 90, x + 30, 150);
            path.curveTo(x + 25, 190, x + 45, 180, x + 55, 150);
        }
        g.draw(path);
        Path2D.Float sweep = new Path2D.Float();
        sweep.moveTo(80, 250);
        sweep.curveTo(250, 215, 420, 260, 560, 205);
        g.draw(sweep);
        g.dispose();
        return image;
    }

    static BufferedImage seal(Font font) {
        int size = 600;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        g.setColor(SEAL);
        float c = size / 2f;
        g.setStroke(new BasicStroke(14f));
        g.drawOval(12, 12, size - 24, size - 24);
        g.setStroke(new BasicStroke(5f));
        g.drawOval(120, 120, size - 240, size - 240);
        arcText(g, font.deriveFont(46f), nfc("SỞ KHOA HỌC VÀ CÔNG NGHỆ"), c, 232, Math.toRadians(-170), Math.toRadians(160));
        arcText(g, font.deriveFont(46f), nfc("TỈNH SÔNG LAM"), c, 232, Math.toRadians(125), Math.toRadians(-70));
        g.fill(star(c, c - 20, 70, 28));
        Font centre = font.deriveFont(34f);
        g.setFont(centre);
        String demo = "DEMO";
        g.drawString(demo, c - g.getFontMetrics().stringWidth(demo) / 2f, c + 110);
        g.dispose();
        return image;
    }

    /** Letters around the centre at {@code radius}, from {@code start} over {@code sweep} radians (clockwise when positive). */
    static void arcText(Graphics2D g, Font font, String text, float c, float radius, double start, double sweep) {
        g.setFont(font);
        int n = text.length();
        boolean bottom = sweep < 0;
        for (int i = 0; i < n; i++) {
            double angle = start + sweep * (i + 0.5) / n;
            String letter = String.valueOf(text.charAt(i));
            float w = g.getFontMetrics().stringWidth(letter);
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
            g.rotate(bottom ? angle - Math.PI / 2 : angle + Math.PI / 2);
            g.drawString(letter, -w / 2, bottom ? g.getFontMetrics().getAscent() * 0.8f : g.getFontMetrics().getAscent() * 0.4f);
            g.setTransform(saved);
        }
    }

    static GeneralPath star(float cx, float cy, float outer, float inner) {
        GeneralPath star = new GeneralPath();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            float x = (float) (cx + r * Math.cos(a));
            float y = (float) (cy + r * Math.sin(a));
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }

    static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static void write(BufferedImage image, File file) throws IOException {
        ImageIO.write(image, "png", file);
        System.out.println("wrote " + file);
    }
}
