package vn.signer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Documents that cannot be signed, as users actually meet them: cut-off downloads, protected PDFs. */
public final class BadDocuments {
    private BadDocuments() {
    }

    /** The first half of the sample PDF. */
    public static Path truncatedPdf(Path file) {
        try {
            byte[] whole = Files.readAllBytes(Tools.sample("documents/cong-van-mau.pdf"));
            return Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample PDF protected with a user password. */
    public static Path encryptedPdf(Path file) {
        try (PDDocument doc = Loader.loadPDF(Tools.sample("documents/cong-van-mau.pdf").toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
