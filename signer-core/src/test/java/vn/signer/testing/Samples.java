package vn.signer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import vn.signer.files.AtomicOutput;

/** The sample documents, copied where a test may write beside them, and checks on what a test leaves behind. */
public final class Samples {
    /** pdfsig's words for a signature whose digest and value check out. */
    public static final String PDFSIG_VALID = "Signature is Valid.";
    /** pdfsig's words for a signer certificate that chains to a root of its NSS database. */
    public static final String PDFSIG_TRUSTED = "Certificate is Trusted.";

    private Samples() {
    }

    /** A copy of samples/documents/cong-van-mau.pdf in {@code folder}. */
    public static Path pdf(Path folder) {
        return copy("documents/cong-van-mau.pdf", folder.resolve("cong-van-mau.pdf"));
    }

    /** A copy of samples/documents/thong-tin-ho-so.xml in {@code folder}. */
    public static Path xml(Path folder) {
        return copy("documents/thong-tin-ho-so.xml", folder.resolve("thong-tin-ho-so.xml"));
    }

    private static Path copy(String sample, Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.copy(Tools.sample(sample), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files of {@code folder} that {@link AtomicOutput#isTemporary} recognises. */
    public static List<Path> temporaryFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(AtomicOutput::isTemporary).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertNoTemporaryFiles(Path folder) {
        assertEquals(List.of(), temporaryFiles(folder), "temporary files left in " + folder);
    }

    /**
     * An NSS database for pdfsig that trusts {@code roots}, knows {@code intermediates} without
     * trusting them (a PDF signed on a token embeds only the signer's certificate) and holds the CRLs:
     * without a CRL for each certificate, pdfsig says "Unknown issue with Certificate" even offline.
     */
    public static Path nssDatabase(Path folder, Collection<X509Certificate> roots, Collection<X509Certificate> intermediates,
                                   Collection<Path> crls) {
        Tools.nssDatabase(folder, roots);
        for (Path crl : crls) {
            Tools.check(Tools.run(List.of("crlutil", "-I", "-d", "sql:" + folder, "-i", crl.toString(), "-B")), "crlutil -I");
        }
        int n = 0;
        for (X509Certificate ca : intermediates) {
            Path pem = folder.resolve("ca" + n + ".pem");
            try {
                Files.writeString(pem, TestPki.pem(ca));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Tools.check(Tools.run(List.of("certutil", "-A", "-d", "sql:" + folder, "-n", "ca" + n++, "-t", ",,",
                    "-i", pem.toString())), "certutil -A");
        }
        return folder;
    }

    /** pdfsig's output for {@code pdf}, asserting it ran and says every one of {@code expected}. */
    public static String assertPdfsigSays(Path pdf, Path nssDatabase, String... expected) {
        Tools.Result result = Tools.pdfsig(pdf, nssDatabase);
        String out = result.all();
        for (String words : expected) {
            assertTrue(out.contains(words), "pdfsig should say '" + words + "' for " + pdf + ":\n" + out);
        }
        return out;
    }

    /** How many times {@code needle} occurs in {@code text}. */
    public static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
