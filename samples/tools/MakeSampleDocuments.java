// DEMO MATERIAL for the "signer" project: generates samples/documents/cong-van-mau.pdf, a fictional
// one-page Vietnamese administrative letter (công văn) laid out after Decree 30/2020/ND-CP,
// Appendix I (form 1.1). The agency, province and people are invented.
//
// Run (Java 17, single-file source launch) with PDFBox 3 on the classpath:
//   java -cp "<pdfbox jars>" samples/tools/MakeSampleDocuments.java OUTDIR
// or simply samples/tools/make-sample-documents.sh, which fetches the jars.
//
// Why these choices:
// - Liberation Serif (metric-compatible with Times New Roman, free to ship) embedded as Type0
//   subsets: the standard-14 fonts cannot encode ơ ư ạ ế Đ, and a ToUnicode map keeps the text
//   extractable, which signature and text-extraction tests rely on.
// - Every string is NFC-normalised so that extraction round-trips byte for byte.
// - Justified lines keep their real space characters (spacing is added with TJ offsets), so
//   extraction never loses or invents word breaks.
// - The number and date are left blank: Decree 30 has them filled in at issuance, after the
//   leader's personal signature (see docs on the two-signature flow).

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

public class MakeSampleDocuments {

    static final float MM = 72f / 25.4f;
    // Debian: fonts-liberation2 (2.x) covers Vietnamese; the old fonts-liberation 1.07 does NOT
    // (no Ỉ, ệ, ượ...), so liberation2 is tried first. Override with -Dfont.dir=...
    static final String[] FONT_DIRS = {
        System.getProperty("font.dir", ""),
        "/usr/share/fonts/truetype/liberation2/",
        "/usr/share/fonts/truetype/liberation/",
    };

    PDFont regular, bold, italic, boldItalic;
    PDPageContentStream cs;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MakeSampleDocuments OUTDIR");
            System.exit(2);
        }
        File out = new File(args[0]);
        out.mkdirs();
        new MakeSampleDocuments().congVan(new File(out, "cong-van-mau.pdf"));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    float width(PDFont f, float size, String s) throws IOException {
        return f.getStringWidth(nfc(s)) / 1000f * size;
    }

    void text(PDFont f, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(nfc(s));
        cs.endText();
    }

    void centered(PDFont f, float size, float cx, float y, String s) throws IOException {
        text(f, size, cx - width(f, size, s) / 2, y, s);
    }

    /** Centred text made of runs separated by blank gaps (for "ngày ... tháng ..." with blanks). */
    void centeredRuns(PDFont f, float size, float cx, float y, float gap, String... runs) throws IOException {
        float total = gap * (runs.length - 1);
        for (String r : runs) total += width(f, size, r);
        float x = cx - total / 2;
        for (String r : runs) {
            text(f, size, x, y, r);
            x += width(f, size, r) + gap;
        }
    }

    void rule(float x1, float x2, float y) throws IOException {
        cs.setLineWidth(0.6f);
        cs.moveTo(x1, y);
        cs.lineTo(x2, y);
        cs.stroke();
    }

    /**
     * Justified paragraph with a first-line indent; returns the baseline below the last line.
     * The last line is left-aligned, as in any word processor.
     */
    float paragraph(PDFont f, float size, float leading, float x, float w, float indent, float y, String s)
            throws IOException {
        String[] words = nfc(s).trim().split(" +");
        float space = width(f, size, " ");
        List<String> line = new ArrayList<>();
        float lineW = 0;
        boolean first = true;
        int i = 0;
        while (i < words.length) {
            float avail = w - (first ? indent : 0);
            float ww = width(f, size, words[i]);
            if (line.isEmpty() || lineW + space + ww <= avail) {
                lineW += (line.isEmpty() ? 0 : space) + ww;
                line.add(words[i++]);
                continue;
            }
            drawLine(f, size, x + (first ? indent : 0), y, line, avail - lineW);
            y -= leading;
            first = false;
            line.clear();
            lineW = 0;
        }
        drawLine(f, size, x + (first ? indent : 0), y, line, 0);
        return y - leading;
    }

    void drawLine(PDFont f, float size, float x, float y, List<String> words, float extra) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        if (extra <= 0 || words.size() < 2) {
            cs.showText(String.join(" ", words));
        } else {
            // TJ offsets are in thousandths of an em; negative values move the next glyph right.
            float adj = -(extra / (words.size() - 1)) * 1000f / size;
            Object[] tj = new Object[words.size() * 2 - 1];
            for (int k = 0; k < words.size(); k++) {
                tj[2 * k] = k < words.size() - 1 ? words.get(k) + " " : words.get(k);
                if (k < words.size() - 1) tj[2 * k + 1] = adj;
            }
            cs.showTextWithPositioning(tj);
        }
        cs.endText();
    }

    /** Loads the four Liberation Serif faces from the first directory whose fonts cover Vietnamese. */
    void loadFonts(PDDocument doc) throws IOException {
        String probe = nfc("ĐặngỈỆượỹ");
        for (String dir : FONT_DIRS) {
            if (dir.isEmpty() || !new File(dir, "LiberationSerif-Regular.ttf").isFile()) continue;
            PDFont[] faces = new PDFont[4];
            String[] names = {"Regular", "Bold", "Italic", "BoldItalic"};
            try {
                for (int k = 0; k < 4; k++) {
                    faces[k] = PDType0Font.load(doc, new File(dir, "LiberationSerif-" + names[k] + ".ttf"));
                    faces[k].encode(probe); // throws if a Vietnamese glyph is missing
                }
            } catch (IllegalArgumentException missingGlyph) {
                System.err.println("skipping " + dir + ": " + missingGlyph.getMessage());
                continue;
            }
            regular = faces[0]; bold = faces[1]; italic = faces[2]; boldItalic = faces[3];
            return;
        }
        throw new IOException("No Liberation Serif with Vietnamese glyphs found: install fonts-liberation2 "
            + "or pass -Dfont.dir=DIR");
    }

    void congVan(File file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            loadFonts(doc);

            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float pageW = PDRectangle.A4.getWidth(), pageH = PDRectangle.A4.getHeight();
            // Decree 30 margins: top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
            float left = 30 * MM, right = pageW - 15 * MM, top = pageH - 20 * MM;
            float textW = right - left;
            // Header as two columns, as in the Decree 30 form: agency (left), national title (right).
            float leftCx = left + 35 * MM;
            float rightCx = left + 60 * MM + (textW - 60 * MM) / 2 + 4 * MM;

            cs = new PDPageContentStream(doc, page);

            float y = top - 12;
            centered(regular, 12f, leftCx, y, "UBND TỈNH SÔNG LAM");
            centered(bold, 12f, rightCx, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            y -= 15;
            String agency = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";
            centered(bold, 12f, leftCx, y, agency);
            String motto = "Độc lập - Tự do - Hạnh phúc";
            centered(bold, 13f, rightCx, y, motto);
            // Rules: under the agency name about 1/3 of its length; under the motto its full length.
            float ruleY = y - 7; // clear of the dots below Ọ, Ệ, Ạ
            float aw = width(bold, 12f, agency) / 3;
            rule(leftCx - aw / 2, leftCx + aw / 2, ruleY);
            float mw = width(bold, 13f, motto);
            rule(rightCx - mw / 2, rightCx + mw / 2, ruleY);

            y -= 30;
            centeredRuns(regular, 13f, leftCx, y, 28, "Số:", "/SKHCN-VP");
            centeredRuns(italic, 14f, rightCx, y, 16, "Sông Lam, ngày", "tháng", "năm 2026");
            y -= 17;
            centered(regular, 12f, leftCx, y, "V/v triển khai chữ ký số");
            y -= 14;
            centered(regular, 12f, leftCx, y, "trong văn bản điện tử");

            // Addressees.
            y -= 34;
            float kgX = left + 45 * MM;
            text(regular, 14f, kgX, y, "Kính gửi:");
            float listX = kgX + width(regular, 14f, "Kính gửi:") + 6;
            text(regular, 14f, listX, y, "- Các phòng chuyên môn thuộc Sở;");
            y -= 17;
            text(regular, 14f, listX, y, "- Các đơn vị sự nghiệp trực thuộc Sở.");

            // Body: 14 pt, justified, first-line indent 1.27 cm, 6 pt between paragraphs.
            y -= 28;
            float size = 14f, leading = 17.5f, indent = 12.7f * MM, gap = 6f;
            String[] body = {
                "Thực hiện Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2023, Nghị định số "
                    + "30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư và các văn bản "
                    + "hướng dẫn về chữ ký số, Sở Khoa học và Công nghệ đề nghị các phòng, đơn vị triển khai "
                    + "ký số văn bản điện tử như sau:",
                "1. Từ ngày 01 tháng 01 năm 2027, văn bản đi của Sở (trừ văn bản mật) được ký số và phát hành "
                    + "trên Hệ thống quản lý văn bản và điều hành của tỉnh. Người có thẩm quyền ký số cá nhân "
                    + "trước; Văn phòng Sở cấp số, ngày và ký số của cơ quan sau. Văn bản điện tử nhận được phải "
                    + "được kiểm tra chữ ký số trước khi xử lý; trường hợp chữ ký không hợp lệ hoặc không đủ "
                    + "thông tin xác thực, đơn vị báo cáo ngay Văn phòng Sở.",
                "2. Thủ trưởng các đơn vị rà soát, lập danh sách công chức, viên chức cần cấp mới, gia hạn "
                    + "hoặc thu hồi chứng thư số, gửi về Văn phòng Sở trước ngày 15 tháng 12 năm 2026 để tổng "
                    + "hợp. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh "
                    + "về Văn phòng Sở để được hướng dẫn./.",
            };
            for (String p : body) {
                y = paragraph(regular, size, leading, left, textW, indent, y, p) - gap;
            }

            // Recipients (left) and signature block (right) start on the same line.
            y -= 10;
            float sigCx = left + textW * 0.70f;
            float ny = y;
            text(boldItalic, 12f, left, ny, "Nơi nhận:");
            String[] recipients = {
                "- Như trên;",
                "- UBND tỉnh (để b/c);",
                "- Giám đốc Sở (để b/c);",
                "- Cổng thông tin điện tử Sở;",
                "- Lưu: VT, VP.",
            };
            ny -= 14;
            for (String r : recipients) {
                text(regular, 11f, left, ny, r);
                ny -= 13;
            }

            centered(bold, 14f, sigCx, y, "KT. GIÁM ĐỐC");
            y -= 17;
            centered(bold, 14f, sigCx, y, "PHÓ GIÁM ĐỐC");
            // About 30 mm left blank for the signature image (and the seal, at issuance).
            y -= 30 * MM + 14;
            centered(bold, 14f, sigCx, y, "Đặng Thị Phượng");

            // Demo marker, small and grey, at the foot of the page.
            cs.setNonStrokingColor(0.55f, 0.55f, 0.55f);
            centered(italic, 8.5f, pageW / 2, 12 * MM, "TÀI LIỆU MẪU – DEMO – không có giá trị pháp lý");
            cs.close();

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(nfc("Công văn mẫu: V/v triển khai chữ ký số trong văn bản điện tử (DEMO)"));
            info.setAuthor(nfc("signer samples (DEMO – tài liệu mẫu)"));
            info.setSubject(nfc("Tài liệu mẫu, không có giá trị pháp lý"));
            info.setCreator("signer samples/tools/MakeSampleDocuments.java");
            // Fixed dates keep re-generation byte-stable apart from font subset tags.
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            when.clear();
            when.set(2026, Calendar.JANUARY, 1, 8, 0, 0);
            info.setCreationDate(when);
            info.setModificationDate(when);
            doc.getDocumentCatalog().setLanguage("vi-VN");
            Files.deleteIfExists(file.toPath()); // PDFBox warns when overwriting in place
            doc.save(file);
        }
        System.out.println("wrote " + file);
    }
}
