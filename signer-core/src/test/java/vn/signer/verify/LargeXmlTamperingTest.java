package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;

/**
 * The streaming verification ({@link DocumentVerifier#verifyLarge}) of the signed sample and of copies
 * changed after signing, against DSS's own path: the same verdict, or a refusal where the stream cannot
 * establish what the tree would.
 */
class LargeXmlTamperingTest {
    private static final String ROOT_END = "</HoSoThuTucHanhChinh>";

    @TempDir
    Path dir;
    private String signed;
    private final DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings());

    @BeforeEach
    void sign() throws Exception {
        Path output = dir.resolve("signed.xml");
        try (KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults()).sign(Samples.xml(dir), output, false);
        }
        signed = Files.readString(output, StandardCharsets.UTF_8);
    }

    @Test
    void theSignedSampleIsValidByStreaming() throws Exception {
        assertEquals(Verdict.VALID, both(s -> s));
    }

    @Test
    void aChangedTextIsInvalid() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")));
    }

    @Test
    void aMovedElementIsInvalid() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> {
            Matcher note = Pattern.compile("\\s*<GhiChu>.*</GhiChu>").matcher(s);
            assertTrue(note.find());
            String moved = s.substring(0, note.start()) + s.substring(note.end());
            return moved.replace("<MaHoSo>", note.group().strip() + "<MaHoSo>");
        }));
    }

    @Test
    void aCommentSplittingSignedTextIsInvalidThoughTheDigestMatches() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn<!-- --> Hùng")));
    }

    @Test
    void anElementOfTheDocumentCarryingTheSignedPropertiesIdIsInvalid() throws Exception {
        Matcher id = Pattern.compile("<xades:SignedProperties Id=\"([^\"]+)\"").matcher(signed);
        assertTrue(id.find());
        assertEquals(Verdict.INVALID, both(s -> s.replace("<GhiChu>", "<GhiChu Id=\"" + id.group(1) + "\">")));
    }

    @Test
    void aSecondSignatureOrOneMovedIntoTheDocumentIsRefused() throws Exception {
        String signature = signed.substring(signed.indexOf("<ds:Signature "), signed.indexOf(ROOT_END));
        assertRefused(signed.replace("<GhiChu>", "<GhiChu>" + signature), "xml.large.signatures");
        assertRefused(signed.replace(signature, "").replace("<GhiChu>", "<GhiChu>" + signature), "xml.large.signatures");
    }

    @Test
    void aReferenceToAnythingButTheWholeDocumentAndTheSignatureIsRefused() throws Exception {
        assertRefused(signed.replace("URI=\"\"", "URI=\"#hoso\""), "xml.large.reference");
        // DSS writes the enveloped transform as XPath Filter 2.0: without it, the reference is not the document less the signature.
        String filter = "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">";
        assertTrue(signed.contains(filter));
        assertRefused(signed.replaceFirst(Pattern.quote(filter) + ".*?</ds:Transform>", ""), "xml.large.reference");
        assertRefused(signed.replace("/descendant::ds:Signature", "/descendant::ds:GhiChu"), "xml.large.reference");
    }

    /** The verdict of the sample changed by {@code change}, the same by streaming as by DSS's path. */
    private Verdict both(UnaryOperator<String> change) throws Exception {
        Path file = Files.writeString(dir.resolve("changed.xml"), change.apply(signed), StandardCharsets.UTF_8);
        VerificationReport dom = verifier.verify(file);
        VerificationReport large = verifier.verifyLarge(file);
        assertEquals(dom.verdict(), large.verdict(), "DSS's path: " + dom + "\nstreaming: " + large);
        assertEquals(dom.signatures().size(), large.signatures().size());
        return large.verdict();
    }

    private void assertRefused(String xml, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("refused.xml"), xml, StandardCharsets.UTF_8);
        SignerException e = assertThrows(SignerException.class, () -> verifier.verifyLarge(file));
        assertEquals(problem, e.problem().key(), e.getMessage());
    }
}
