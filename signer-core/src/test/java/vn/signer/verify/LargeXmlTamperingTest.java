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

    @Test
    void twoCommentsSplittingSignedTextAreInvalidThoughTheDigestMatches() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn<!-- a --><!-- b --> Hùng")));
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn<!-- a --> <!-- b -->Hùng")));
    }

    @Test
    void aCdataSectionBesideSignedTextIsInvalidThoughTheDigestMatches() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn<![CDATA[ Hùng]]>")));
        assertEquals(Verdict.INVALID, both(s -> s.replace("Nguyễn Văn Hùng", "<![CDATA[Nguyễn Văn]]><![CDATA[ Hùng]]>")));
    }

    @Test
    void whatCanonicalizationDoesNotSeeKeepsTheSignatureValid() throws Exception {
        assertBoth(Verdict.VALID,
                // One CDATA section for all of an element's text, character references, another quoting, a BOM,
                // the XML declaration, comments and white space outside the root: the same document, both ways.
                s -> s.replace("Nguyễn Văn Hùng", "<![CDATA[Nguyễn Văn Hùng]]>"),
                s -> s.replace("Nguyễn Văn Hùng", "Nguy&#7877;n V&#x0103;n H&#249;ng"),
                s -> s.replace("stt=\"1\"", "stt = '1'"),
                s -> "\uFEFF" + s,
                s -> s.replaceFirst("<\\?xml[^>]*\\?>", ""),
                s -> s + "\n<!-- after -->\n  ",
                s -> s.replace("<HoSoThuTucHanhChinh", "<!-- before --><HoSoThuTucHanhChinh"));
    }

    @Test
    void whatCanonicalizationKeepsMakesTheSignatureInvalid() throws Exception {
        assertBoth(Verdict.INVALID,
                // Outside the root, a processing instruction (a stylesheet changes what a person sees) is signed content.
                s -> s.replace("<HoSoThuTucHanhChinh", "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><HoSoThuTucHanhChinh"),
                s -> s + "<?x y?>",
                s -> s.replace("<GhiChu>", "<GhiChu><?x y?>"),
                // A tab or a carriage return written as a reference is kept; a literal one is normalized by the parser.
                s -> s.replace("stt=\"1\"", "stt=\"&#9;1\""),
                s -> s.replace("Nguyễn Văn Hùng", "Nguyễn Văn&#13; Hùng"),
                s -> s.replace("<MaHoSo>", "<MaHoSo xml:lang=\"vi\">"),
                s -> s.replace("<HoSoThuTucHanhChinh ", "<HoSoThuTucHanhChinh xml:lang=\"vi\" "),
                s -> s.replace("<GhiChu>", "<GhiChu xmlns=\"urn:other\">"),
                s -> s.replace("<GhiChu>", "<GhiChu xmlns=\"\">"));
    }

    @Test
    void namespaceGamesAreInvalidWhereTheyChangeTheCanonicalForm() throws Exception {
        // signer canonicalizes exclusively: a namespace nothing uses is no part of the document or the SignedInfo.
        assertEquals(Verdict.VALID, both(s -> s.replace("<HoSoThuTucHanhChinh ", "<HoSoThuTucHanhChinh xmlns:x=\"urn:x\" ")));
        assertEquals(Verdict.VALID, both(s -> s.replace("<ds:Signature ", "<ds:Signature xmlns=\"\" ")));
        assertEquals(Verdict.VALID, both(s -> s.replace("<ds:Signature ", "<ds:Signature xmlns:x=\"urn:x\" ")));
        // A used one is: the document's elements in another namespace.
        assertEquals(Verdict.INVALID, both(s -> s.replace("<HoSoThuTucHanhChinh xmlns=\"urn:signer:demo:hoso:1.0\"",
                "<HoSoThuTucHanhChinh xmlns=\"urn:signer:demo:hoso:1.1\"")));
    }

    @Test
    void theSignatureMovedAmongTheRootsChildrenIsStillTheSameDocument() throws Exception {
        String signature = signed.substring(signed.indexOf("<ds:Signature "), signed.indexOf(ROOT_END));
        assertEquals(Verdict.VALID, both(s -> s.replace(signature, "").replace("<MaHoSo>", signature + "<MaHoSo>")));
    }

    @Test
    void theRootCarryingTheSignedPropertiesIdIsInvalid() throws Exception {
        Matcher id = Pattern.compile("<xades:SignedProperties Id=\"([^\"]+)\"").matcher(signed);
        assertTrue(id.find());
        assertEquals(Verdict.INVALID, both(s -> s.replace("<HoSoThuTucHanhChinh ", "<HoSoThuTucHanhChinh Id=\"" + id.group(1) + "\" ")));
        assertEquals(Verdict.INVALID, both(s -> s.replace("<GhiChu>", "<GhiChu xml:id=\"" + id.group(1) + "\">")));
    }

    @Test
    void unsignedContentAddedToTheSignatureIsInvalid() throws Exception {
        assertEquals(Verdict.INVALID, both(s -> s.replace("</ds:Signature>",
                "<ds:Object><GhiChu>Hồ sơ bị từ chối.</GhiChu></ds:Object></ds:Signature>")));
        assertEquals(Verdict.INVALID, both(s -> s.replace("</ds:KeyInfo>", "<GhiChu>Hồ sơ bị từ chối.</GhiChu></ds:KeyInfo>")));
    }

    @Test
    void aDuplicatedSignedInfoIsNotValid() throws Exception {
        String signedInfo = signed.substring(signed.indexOf("<ds:SignedInfo"), signed.indexOf("</ds:SignedInfo>") + "</ds:SignedInfo>".length());
        Path file = Files.writeString(dir.resolve("twice.xml"), signed.replace(signedInfo, signedInfo + signedInfo), StandardCharsets.UTF_8);
        assertTrue(verifier.verify(file).verdict() != Verdict.VALID);
        assertTrue(verifier.verifyLarge(file).verdict() != Verdict.VALID);
    }

    @Test
    void aDoctypeOrASecondRootIsRefusedBothWays() throws Exception {
        for (String xml : new String[] {
                signed.replace("<HoSoThuTucHanhChinh ", "<!DOCTYPE HoSoThuTucHanhChinh [<!ENTITY x \"y\">]><HoSoThuTucHanhChinh "),
                signed + "<HoSoThuTucHanhChinh/>", signed + "text"}) {
            Path file = Files.writeString(dir.resolve("bad.xml"), xml, StandardCharsets.UTF_8);
            assertThrows(SignerException.class, () -> verifier.verify(file));
            assertThrows(SignerException.class, () -> verifier.verifyLarge(file));
        }
    }

    @Test
    void aWholeDocumentReferenceWithOtherTransformsIsRefused() throws Exception {
        String filter = "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">";
        Matcher first = Pattern.compile(Pattern.quote(filter) + ".*?</ds:Transform>", Pattern.DOTALL).matcher(signed);
        assertTrue(first.find());
        assertRefused(signed.replace(first.group(), first.group() + first.group()), "xml.large.reference");
        assertRefused(signed.replace(first.group(), "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"),
                "xml.large.reference");
        // XSLT is refused by signer's reading of the signature before the stream would be.
        assertEquals(Verdict.INDETERMINATE, both(s -> s.replace(first.group(), first.group()
                + "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"/>")));
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

    @SafeVarargs
    private void assertBoth(Verdict expected, UnaryOperator<String>... changes) throws Exception {
        for (UnaryOperator<String> change : changes) {
            assertEquals(expected, both(change));
        }
    }

    private void assertRefused(String xml, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("refused.xml"), xml, StandardCharsets.UTF_8);
        SignerException e = assertThrows(SignerException.class, () -> verifier.verifyLarge(file));
        assertEquals(problem, e.problem().key(), e.getMessage());
    }
}
