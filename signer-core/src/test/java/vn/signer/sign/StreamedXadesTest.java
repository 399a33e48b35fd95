package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** Signing an XML by streaming (the path of documents too large for a tree), checked by DSS's own path. */
class StreamedXadesTest {
    @TempDir
    Path dir;

    @Test
    void aStreamedSignatureIsValidOnDssOwnPathAndTheDocumentIsCopiedByteForByte() throws Exception {
        Path input = Samples.xml(dir);
        byte[] before = Files.readAllBytes(input);
        Path output = dir.resolve("signed.xml");
        SignOutcome outcome = signStreamed(input, output, SignatureOptions.defaults());
        assertEquals("XAdES-BASELINE-B", outcome.level());
        byte[] signed = Files.readAllBytes(output);
        String text = new String(signed, StandardCharsets.UTF_8);
        int at = text.indexOf("<ds:Signature ");
        assertTrue(at > 0, text);
        String original = new String(before, StandardCharsets.UTF_8);
        int end = original.lastIndexOf("</HoSoThuTucHanhChinh>");
        assertEquals(original.substring(0, end), text.substring(0, at), "the document before the signature is the input's");
        assertTrue(text.endsWith(original.substring(end)), "the end tag and what follows are the input's");
        assertArrayEquals(before, Files.readAllBytes(input));

        VerificationReport report = DocumentVerifier.create(DemoPki.settings()).verify(output);
        SignatureReport signature = report.signatures().get(0);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertTrue(signature.coversWholeDocument());
        assertEquals("XAdES-BASELINE-B", signature.level());
    }

    static SignOutcome signStreamed(Path input, Path output, SignatureOptions options) {
        try (KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
            return DocumentSigner.create(source.key(KeySelector.only()), options).signStreamed(input, output);
        }
    }
}
