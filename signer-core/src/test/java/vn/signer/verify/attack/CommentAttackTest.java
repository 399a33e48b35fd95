package vn.signer.verify.attack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.verify.Verdict;

/**
 * "Comments" (Text, Link) are allowed wherever the signed page is blank, whatever their appearance
 * draws: an appearance can be any text, looking like page content (shadow "add" in the blank space).
 */
class CommentAttackTest {
    /** Blank paper on the sample page, below the signer's name. */
    static final PDRectangle BLANK = new PDRectangle(80, 120, 440, 60);

    @TempDir
    static Path tmp;
    static Path dir;
    static Path signed;

    @BeforeAll
    static void signTheSample() throws IOException {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "attack"));
        signed = Forge.sign(Samples.pdf(tmp), dir.resolve("comment-signed.pdf"), DemoPki.officerP12());
    }


    private static Path add(String name, String subtype) {
        Path out = dir.resolve(name);
        PdfAttacks.update(signed, out, doc -> {
            COSDictionary annotation = Forge.overlay(doc, subtype, BLANK, "VAN BAN DA BI THU HOI - KHONG CON HIEU LUC");
            if (subtype.equals("Text")) {
                annotation.setInt(COSName.F, 4 | 8 | 16);
            }
            PdfAttacks.addAnnotation(doc.getPage(0), annotation);
        });
        return out;
    }

    @Test
    void textCommentWhoseAppearanceIsTextLikeThePage() {
        assertNotEquals(Verdict.VALID, Forge.verify(add("comment-text-looks-like-content.pdf", "Text")).verdict());
    }

    @Test
    void linkWhoseAppearanceIsTextLikeThePage() {
        assertNotEquals(Verdict.VALID, Forge.verify(add("comment-link-looks-like-content.pdf", "Link")).verdict());
    }
}
