package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.dss.DssDocuments;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.testing.DemoPki;
import vn.signer.testing.LargePdf;
import vn.signer.testing.Samples;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * PDFs above {@link DssDocuments#IN_MEMORY_LIMIT} are prepared by DSS in files staged beside the output,
 * and the prepared file, with its signature written in, becomes the output by a rename.
 */
@Tag("native")
class LargeDocumentTest {
    @TempDir
    static Path shared;

    private static Path input;
    private static String inputSha256;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeInput() throws IOException {
        input = LargePdf.write(shared.resolve("large.pdf"), DssDocuments.IN_MEMORY_LIMIT + 1_000_000);
        inputSha256 = sha256(input);
    }

    @Test
    void aLargePdfIsSignedValidlyAndOnlyTheOutputIsLeftBesideIt() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path output = out.resolve("large-signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults()).sign(input, output, false);
        }
        assertEquals(List.of("large-signed.pdf"), names(out), "DSS's working copies must not stay beside the output");
        assertEquals(inputSha256, sha256(input), "the input must not change");
        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(output);
        assertEquals(1, report.signatures().size(), report.toString());
        SignatureReport signature = report.signatures().get(0);
        assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertTrue(signature.coversWholeDocument(), signature.toString());
        Samples.assertPdfsigSays(output, Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()),
                List.of(DemoPki.issuingCa()), DemoPki.crls()), Samples.PDFSIG_VALID);
        // The staged file is created like any file the user writes, not private as temporary files are.
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(output);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), permissions);
    }

    @Test
    void anOutputThatAppearsMeanwhileIsNeitherReplacedNorLeftWithWorkingCopies() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path output = out.resolve("large-signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            signer.sign(input, output, false);
            byte[] first = Files.readAllBytes(output);
            SignerException e = assertThrows(SignerException.class, () -> signer.sign(input, output, false));
            assertEquals(ErrorCode.OUTPUT_EXISTS, e.code());
            assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(output)), "the existing output must stay");
            signer.sign(input, output, true);
            assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(output)), "--force replaces it");
        }
        assertEquals(List.of("large-signed.pdf"), names(out));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
