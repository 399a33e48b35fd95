package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.TestPki;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;
import vn.signer.report.Words;

/**
 * PAdES signing of the sample công văn with every kind of key signer supports, checked by signer's own
 * verifier and independently by poppler's pdfsig; two signatures in Decree 30 order; tampering;
 * certification; the certificate checks done before signing; and how outputs are written.
 */
@Tag("native")
class PadesSigningTest {
    private static final SignatureScheme PSS = new SignatureScheme(SignatureScheme.Digest.SHA256, SignatureScheme.RsaPadding.PSS);

    @TempDir
    Path dir;

    // ---- signing with each kind of key -------------------------------------------------------------

    @Test
    void pkcs12RsaSignatureIsValidForSignerAndPdfsig() {
        Path input = Samples.pdf(dir);
        byte[] before = Samples.bytes(input);
        Path output = dir.resolve("signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            SignOutcome outcome = sign(p12.key(KeySelector.only()), SignatureOptions.defaults(), input, output);
            assertEquals(DocumentFormat.PDF, outcome.format());
            assertEquals("PAdES-BASELINE-B", outcome.level());
        }
        assertArrayEquals(before, Samples.bytes(input), "the input must not change");
        SignatureReport signature = onlySignature(verifyDemo(output));
        assertValidWholeDocument(signature, DemoPki.OFFICER_NAME);
        assertEquals("RSA_SHA256", signature.signatureAlgorithm());
        Samples.assertPdfsigSays(output, demoNss(), Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void pkcs11RsaSignatureOnTheTokenIsValidForSignerAndPdfsig() {
        Path input = Samples.pdf(dir);
        byte[] before = Samples.bytes(input);
        Path output = dir.resolve("signed.pdf");
        try (Pkcs11KeySource token = DemoPki.openToken()) {
            SigningKey officer = token.key(DemoPki.officerOnToken());
            assertEquals(1, officer.chain().size(), "the token stores only the officer's certificate");
            sign(officer, SignatureOptions.defaults(), input, output);
        }
        assertArrayEquals(before, Samples.bytes(input));
        SignatureReport signature = onlySignature(verifyDemo(output));
        assertValidWholeDocument(signature, DemoPki.OFFICER_NAME);
        assertEquals(3072, signature.signer().keySize());
        Samples.assertPdfsigSays(output, demoNss(), Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
    }

    @Test
    void pkcs11EcSignatureIsValidForSignerAndPdfsig() {
        SoftHsm hsm = SoftHsm.token();
        Path input = Samples.pdf(dir);
        byte[] before = Samples.bytes(input);
        Path output = dir.resolve("signed-ec.pdf");
        try (Pkcs11KeySource token = DemoPki.openToken()) {
            sign(token.key(KeySelector.label(SoftHsm.EC_LABEL)), SignatureOptions.defaults(), input, output);
        }
        assertArrayEquals(before, Samples.bytes(input));
        VerificationReport report = verify(DemoPki.settings(hsm.ecPki(), dir.resolve("pki")), output);
        SignatureReport signature = onlySignature(report);
        assertValidWholeDocument(signature, "Trần Thị Ánh");
        assertEquals("ECDSA_SHA256", signature.signatureAlgorithm());
        // For chains of a TestPki, poppler 22.12 says "Unknown issue with Certificate or corrupted data" although
        // `vfychain -pp -u 4` (NSS's PKIX check for e-mail signing) accepts the same chain in the same database;
        // the demo PKI's chains are trusted. So only pdfsig's check of the ECDSA value is asserted here.
        Samples.assertPdfsigSays(output, nss(hsm.ecPki()), Samples.PDFSIG_VALID);
    }

    @Test
    void rsaPssSignatureIsValidForSignerAndPdfsig() {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("signed-pss.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            sign(p12.key(KeySelector.only()), SignatureOptions.builder().scheme(PSS).build(), input, output);
        }
        SignatureReport signature = onlySignature(verifyDemo(output));
        assertValidWholeDocument(signature, DemoPki.OFFICER_NAME);
        assertEquals("RSA_SSA_PSS_SHA256_MGF1", signature.signatureAlgorithm());
        Samples.assertPdfsigSays(output, demoNss(), Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
    }

    // ---- Decree 30: the officer's signature, then the organisation's --------------------------------

    @Test
    void officerThenOrganisationSignaturesAreBothValidAndOnlyTheLastCoversTheWholeFile() {
        Path input = Samples.pdf(dir);
        Path personal = dir.resolve("1-personal.pdf");
        Path issued = dir.resolve("2-issued.pdf");
        try (Pkcs11KeySource token = DemoPki.openToken()) {
            sign(token.key(DemoPki.officerOnToken()), SignatureOptions.defaults(), input, personal);
        }
        byte[] personalBytes = Samples.bytes(personal);
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            sign(p12.key(KeySelector.label("organisation")), SignatureOptions.defaults(), personal, issued);
        }
        assertArrayEquals(personalBytes, Samples.bytes(personal), "the once-signed input must not change");
        byte[] issuedBytes = Samples.bytes(issued);
        assertArrayEquals(personalBytes, java.util.Arrays.copyOf(issuedBytes, personalBytes.length),
                "the second signature must be an incremental update of the first revision");

        VerificationReport report = verifyDemo(issued);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(2, report.signatures().size());
        SignatureReport first = report.signatures().get(0);
        SignatureReport second = report.signatures().get(1);
        assertEquals(DemoPki.OFFICER_NAME, first.signer().commonName());
        assertEquals(Verdict.VALID, first.verdict(), first.toString());
        assertFalse(first.coversWholeDocument(), "the officer signed an earlier revision");
        assertEquals(DemoPki.ORGANISATION_NAME, second.signer().commonName());
        assertValidWholeDocument(second, DemoPki.ORGANISATION_NAME);
        assertNotEquals(first.pdfField(), second.pdfField());

        String pdfsig = Samples.assertPdfsigSays(issued, demoNss(), "Not total document signed", "Total document signed");
        assertEquals(2, Samples.count(pdfsig, Samples.PDFSIG_VALID), pdfsig);
        // poppler 22.12 says "Certificate is Trusted." for the first signature only: for the second it says
        // "Unknown issue with Certificate", although the organisation's signature alone on the same PDF
        // is trusted (a stale NSS error read after the first signature's check).
        assertTrue(Samples.count(pdfsig, Samples.PDFSIG_TRUSTED) >= 1, pdfsig);
    }

    // ---- tampering ----------------------------------------------------------------------------------

    @Test
    void aByteChangedInsideTheSignedPageContentMakesTheSignatureInvalid() throws IOException {
        Path signed = signedByOfficer();
        byte[] bytes = Samples.bytes(signed);
        long[] byteRange = byteRange(signed);
        int offset = pageContentStreamDataOffset(signed, bytes);
        assertTrue(offset > byteRange[0] && offset < byteRange[0] + byteRange[1],
                "the byte changed must lie in the signed range before /Contents");
        bytes[offset] ^= 0x01;
        Path tampered = dir.resolve("tampered-byte.pdf");
        Files.write(tampered, bytes);

        VerificationReport report = verifyDemo(tampered);
        SignatureReport signature = onlySignature(report);
        // DSS recomputes the digest of the byte range: TOTAL_FAILED / HASH_FAILURE.
        assertEquals(Verdict.INVALID, signature.verdict(), signature.toString());
        assertEquals(Verdict.INVALID, report.verdict());
        assertEquals("HASH_FAILURE", signature.subIndication(), signature.toString());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("changed after signing")), signature.reasons().toString());
        String pdfsig = Samples.assertPdfsigSays(tampered, demoNss());
        assertFalse(pdfsig.contains(Samples.PDFSIG_VALID), pdfsig);
    }

    @Test
    void anIncrementalUpdateThatAddsPageContentMakesTheSignatureNotValid() throws IOException {
        Path signed = signedByOfficer();
        Path tampered = dir.resolve("tampered-update.pdf");
        appendPageText(signed, tampered, "DA DUYET CHI 2 TY DONG");
        byte[] signedBytes = Samples.bytes(signed);
        assertArrayEquals(signedBytes, java.util.Arrays.copyOf(Samples.bytes(tampered), signedBytes.length),
                "the change must be an incremental update, leaving the signed revision intact");
        try (PDDocument doc = Loader.loadPDF(tampered.toFile())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains("DA DUYET CHI 2 TY DONG"),
                    "the update must really change what the page shows");
        }

        SignatureReport signature = onlySignature(verifyDemo(tampered));
        assertNotEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertEquals(Verdict.INVALID, signature.verdict(), signature.toString());
        assertFalse(signature.coversWholeDocument());
        // DSS itself says TOTAL_PASSED with warnings (visual difference, undefined object modifications);
        // PdfChanges turns those into INVALID with plain reasons.
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("page 1") && r.contains("looks different")),
                "the reasons must name the changed page: " + signature.reasons());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("changed after signing")),
                "the reasons must say the document changed: " + signature.reasons());
    }

    // ---- approval and certification -------------------------------------------------------------------

    @Test
    void defaultIsAnApprovalSignatureWithoutDocMdp() throws IOException {
        Path signed = signedByOfficer();
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertTrue(perms == null || !perms.containsKey(COSName.DOCMDP), "an approval signature sets no /Perms /DocMDP");
            PDSignature signature = doc.getLastSignatureDictionary();
            assertNull(signature.getCOSObject().getCOSArray(COSName.REFERENCE), "no DocMDP transform reference");
        }
    }

    @Test
    void certificationSignatureIsValidAndAllowsOnlyFormFillingAndSigning() throws IOException {
        Path input = Samples.pdf(dir);
        Path certified = dir.resolve("certified.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            sign(p12.key(KeySelector.only()), SignatureOptions.builder().certify(true).build(), input, certified);
        }
        assertValidWholeDocument(onlySignature(verifyDemo(certified)), DemoPki.OFFICER_NAME);
        try (PDDocument doc = Loader.loadPDF(certified.toFile())) {
            COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertNotNull(perms, "a certification signature is referenced from /Perms");
            assertNotNull(perms.getDictionaryObject(COSName.DOCMDP), "/Perms /DocMDP");
            COSArray references = doc.getLastSignatureDictionary().getCOSObject().getCOSArray(COSName.REFERENCE);
            assertNotNull(references, "a certification signature has a DocMDP reference");
            COSDictionary params = ((COSDictionary) references.getObject(0)).getCOSDictionary(COSName.TRANSFORM_PARAMS);
            // P 2: form filling and signing only, as SignatureOptions and the CLI's --certify promise.
            assertEquals(2, params.getInt(COSName.P), params.toString());
        }
        Samples.assertPdfsigSays(certified, demoNss(), Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
    }

    @Test
    void anAnnotationAddedAfterAnApprovalSignatureKeepsItValid() throws IOException {
        Path signed = signedByOfficer();
        Path annotated = dir.resolve("annotated.pdf");
        PdfAttacks.note(signed, annotated, new PDRectangle(100, 700, 20, 20), "Số: 123/SKHCN-VP");
        SignatureReport signature = onlySignature(verifyDemo(annotated));
        assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertFalse(signature.coversWholeDocument());
        assertTrue(Words.ENGLISH.texts(signature.warnings()).stream().anyMatch(w -> w.contains("comment") && w.contains("allowed")),
                signature.warnings().toString());
    }

    @Test
    void anAnnotationAddedAfterACertificationSignatureMakesItInvalid() throws IOException {
        Path certified = dir.resolve("certified.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            sign(p12.key(KeySelector.only()), SignatureOptions.builder().certify(true).build(), Samples.pdf(dir), certified);
        }
        Path annotated = dir.resolve("annotated.pdf");
        PdfAttacks.note(certified, annotated, new PDRectangle(100, 700, 20, 20), "Số: 123/SKHCN-VP");
        SignatureReport signature = onlySignature(verifyDemo(annotated));
        // DSS's default policy only warns ("changes restricted by /DocMDP"); a certification that allows
        // form filling and signing only must not stay VALID once an annotation is added.
        assertEquals(Verdict.INVALID, signature.verdict(), signature.toString());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("certification forbids")), signature.reasons().toString());
    }

    // ---- certificate checks before signing ------------------------------------------------------------

    @Test
    void unusableCertificatesAreRefusedBeforeAnythingIsSigned() {
        TestPki pki = TestPki.create("unusable");
        Instant now = Instant.now();
        record Case(String what, TestPki.EntityBuilder builder, String expected) {
        }
        List<Case> cases = List.of(
                new Case("expired", pki.signer("Hết Hạn", "Sở TEST").valid(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))),
                        "expired on"),
                new Case("not yet valid", pki.signer("Chưa Hiệu Lực", "Sở TEST").valid(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400))),
                        "not valid before"),
                new Case("keyEncipherment only", pki.signer("Mã Hoá", "Sở TEST").keyUsage(KeyUsage.keyEncipherment),
                        "does not allow signing (key usage: keyEncipherment)"),
                new Case("RSA-1024", pki.signer("Khoá Yếu", "Sở TEST").rsa(1024), "1024-bit RSA key"));
        Path input = Samples.pdf(dir);
        for (Case c : cases) {
            Path p12 = c.builder().issue().writePkcs12(dir.resolve("key.p12"), "key", "x".toCharArray());
            try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, request -> "x".toCharArray())) {
                SigningKey key = source.key(KeySelector.only());
                SignerException e = assertThrows(SignerException.class,
                        () -> DocumentSigner.create(key, SignatureOptions.defaults()), c.what());
                assertEquals(ErrorCode.CERTIFICATE_UNUSABLE, e.code(), c.what());
                assertTrue(e.getMessage().contains(c.expected()), c.what() + ": " + e.getMessage());
                assertNotNull(e.hint(), c.what());
            }
            assertEquals(List.of("cong-van-mau.pdf", "key.p12"), fileNames(dir), c.what() + ": nothing may be written");
        }
    }

    // ---- outputs ----------------------------------------------------------------------------------------

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsAsked() throws IOException {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("out.pdf");
        Files.writeString(output, "do not touch");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            SignerException e = assertThrows(SignerException.class, () -> signer.sign(input, output, false));
            assertEquals(ErrorCode.OUTPUT_EXISTS, e.code());
            assertTrue(e.getMessage().contains(output.toString()), e.getMessage());
            assertEquals("do not touch", Files.readString(output));
            Samples.assertNoTemporaryFiles(dir);

            signer.sign(input, output, true);
            assertValidWholeDocument(onlySignature(verifyDemo(output)), DemoPki.OFFICER_NAME);
            Samples.assertNoTemporaryFiles(dir);
        }
    }

    @Test
    void theInputIsNeverTheOutput() throws IOException {
        Path input = Samples.pdf(dir);
        byte[] before = Samples.bytes(input);
        Path link = dir.resolve("link.pdf");
        Files.createSymbolicLink(link, input);
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            for (Path output : List.of(input, dir.resolve(".").resolve("cong-van-mau.pdf"), link)) {
                for (boolean overwrite : new boolean[] {false, true}) {
                    SignerException e = assertThrows(SignerException.class, () -> signer.sign(input, output, overwrite),
                            output + " overwrite=" + overwrite);
                    assertEquals(ErrorCode.USAGE, e.code(), e.getMessage());
                }
            }
        }
        assertArrayEquals(before, Samples.bytes(input));
        assertEquals(List.of("cong-van-mau.pdf", "link.pdf"), fileNames(dir));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The sample signed by the officer's PKCS#12 key, as {@code signed.pdf}. */
    private Path signedByOfficer() {
        Path output = dir.resolve("signed.pdf");
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.officerP12())) {
            sign(p12.key(KeySelector.only()), SignatureOptions.defaults(), Samples.pdf(dir), output);
        }
        return output;
    }

    private static long[] byteRange(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int[] range = doc.getLastSignatureDictionary().getByteRange();
            return new long[] {range[0], range[1], range[2], range[3]};
        }
    }

    /** Where the data of the first page's (first) content stream starts, plus a few bytes. */
    private static int pageContentStreamDataOffset(Path pdf, byte[] bytes) throws IOException {
        long objectNumber;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            COSBase contents = doc.getPage(0).getCOSObject().getItem(COSName.CONTENTS);
            if (contents instanceof COSArray array) {
                contents = array.get(0);
            }
            objectNumber = ((COSObject) contents).getKey().getNumber();
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int object = text.indexOf("\n" + objectNumber + " 0 obj");
        assertTrue(object >= 0, "content stream object " + objectNumber + " not found");
        int stream = text.indexOf("stream", object);
        int end = text.indexOf("endstream", stream);
        assertTrue(stream > 0 && end - stream > 40, "content stream data not found");
        return stream + (end - stream) / 2;
    }

    /** Saves {@code signed} with one more content stream on page 1, as an incremental update. */
    private static void appendPageText(Path signed, Path out, String text) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                content.newLineAtOffset(80, 120);
                content.showText(text);
                content.endText();
            }
            // PDFBox writes only objects marked as changed in an incremental save.
            page.getCOSObject().setNeedToBeUpdated(true);
            COSBase resources = page.getCOSObject().getDictionaryObject(COSName.RESOURCES);
            if (resources instanceof COSDictionary dictionary) {
                dictionary.setNeedToBeUpdated(true);
                COSBase fonts = dictionary.getDictionaryObject(COSName.FONT);
                if (fonts instanceof COSDictionary fontDictionary) {
                    fontDictionary.setNeedToBeUpdated(true);
                }
            }
            COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            if (contents instanceof COSArray array) {
                array.setNeedToBeUpdated(true);
                for (int i = 0; i < array.size(); i++) {
                    if (array.getObject(i) instanceof COSStream stream) {
                        stream.setNeedToBeUpdated(true);
                    }
                }
            }
            try (java.io.OutputStream stream = Files.newOutputStream(out)) {
                doc.saveIncremental(stream);
            }
        }
    }

    private static List<String> fileNames(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SignOutcome sign(SigningKey key, SignatureOptions options, Path input, Path output) {
        return DocumentSigner.create(key, options).sign(input, output, false);
    }

    private static VerificationReport verifyDemo(Path file) {
        return verify(DemoPki.settings(), file);
    }

    private static VerificationReport verify(VerificationSettings settings, Path file) {
        return DocumentVerifier.create(settings).verify(file);
    }

    private static SignatureReport onlySignature(VerificationReport report) {
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }

    private static void assertValidWholeDocument(SignatureReport signature, String commonName) {
        assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertEquals("PAdES-BASELINE-B", signature.level());
        assertTrue(signature.coversWholeDocument(), signature.toString());
        assertEquals(commonName, signature.signer().commonName());
        assertEquals(List.of(), signature.reasons());
    }

    private Path demoNss() {
        return Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()), List.of(DemoPki.issuingCa()), DemoPki.crls());
    }

    private Path nss(TestPki pki) {
        return Samples.nssDatabase(dir.resolve("nss"), List.of(pki.root()), List.of(pki.issuingCa()),
                pki.written(dir.resolve("pki")).crls());
    }
}
