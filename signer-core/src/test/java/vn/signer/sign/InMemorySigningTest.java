package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.document.DocumentFormat;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * Signing and verifying documents held in memory, as the server does with the documents it receives:
 * the same signatures as from files (checked by pdfsig and xmlsec1 too), the same reports, the same
 * refusals.
 */
@Tag("native")
class InMemorySigningTest {
    @TempDir
    Path dir;

    @Test
    void pdfSignedInMemoryIsValidForSignerAndPdfsig() throws IOException {
        byte[] letter = Samples.bytes(Samples.pdf(dir));
        byte[] original = letter.clone();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        SignOutcome outcome;
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            outcome = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults())
                    .sign("cong-van.pdf", letter, signed);
        }
        assertArrayEquals(original, letter, "the document given must not change");
        assertEquals(DocumentFormat.PDF, outcome.format());
        assertEquals("PAdES-BASELINE-B", outcome.level());
        assertNull(outcome.input());
        assertNull(outcome.output());
        byte[] result = signed.toByteArray();
        assertArrayEquals(letter, Arrays.copyOf(result, letter.length), "an incremental update keeps the original bytes");

        VerificationReport fromMemory = DocumentVerifier.create(DemoPki.settings()).verify("cong-van-signed.pdf", result);
        assertEquals("cong-van-signed.pdf", fromMemory.file());
        assertEquals(Verdict.VALID, fromMemory.verdict(), fromMemory.toString());
        SignatureReport signature = fromMemory.signatures().get(0);
        assertEquals(DemoPki.ORGANISATION_NAME, signature.signer().commonName());
        assertTrue(signature.coversWholeDocument());

        Path written = Files.write(dir.resolve("signed.pdf"), result);
        VerificationReport fromFile = DocumentVerifier.create(DemoPki.settings()).verify(written);
        assertEquals(fromFile.verdict(), fromMemory.verdict());
        SignatureReport viaFile = fromFile.signatures().get(0);
        // The same report, whichever way the document came (but the best signature time of a B-B
        // signature, which is the time of each validation).
        assertEquals(List.of(viaFile.id(), viaFile.verdict(), viaFile.indication(), viaFile.reasons(), viaFile.warnings(),
                        viaFile.modifications(), viaFile.revocation()),
                List.of(signature.id(), signature.verdict(), signature.indication(), signature.reasons(), signature.warnings(),
                        signature.modifications(), signature.revocation()));
        Samples.assertPdfsigSays(written, Samples.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root()),
                List.of(DemoPki.issuingCa()), DemoPki.crls()), Samples.PDFSIG_VALID, Samples.PDFSIG_TRUSTED);
    }


    @Test
    void xmlSignedInMemoryIsValidForSignerAndXmlsec1() throws IOException {
        byte[] record = Samples.bytes(Samples.xml(dir));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            SignOutcome outcome = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults())
                    .sign("ho-so.xml", record, signed);
            assertEquals(DocumentFormat.XML, outcome.format());
        }
        VerificationReport report = DocumentVerifier.create(DemoPki.settings())
                .verify("ho-so-signed.xml", signed.toByteArray());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        Path written = Files.write(dir.resolve("signed.xml"), signed.toByteArray());
        Tools.check(Tools.xmlsec1Verify(written, DemoPki.rootPem(), DemoPki.issuingCaPem()), "xmlsec1 --verify");
    }

    @Test
    void badDocumentsAreRefusedByTheirName() {
        byte[] letter = Samples.bytes(Samples.pdf(dir));
        byte[] truncated = Arrays.copyOf(letter, letter.length - 2_000);
        byte[] doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>".getBytes();
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            SignerException cut = assertThrows(SignerException.class,
                    () -> signer.sign("tai-ve.pdf", truncated, OutputStream.nullOutputStream()));
            assertEquals(ErrorCode.BAD_INPUT, cut.code());
            assertTrue(cut.getMessage().startsWith("tai-ve.pdf: "), cut.getMessage());
            SignerException entity = assertThrows(SignerException.class,
                    () -> signer.sign("ho-so.xml", doctype, OutputStream.nullOutputStream()));
            assertEquals(ErrorCode.BAD_INPUT, entity.code());
            SignerException image = assertThrows(SignerException.class,
                    () -> signer.sign("anh.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}, OutputStream.nullOutputStream()));
            assertTrue(image.getMessage().contains("PNG"), image.getMessage());
        }
        SignerException verifyEntity = assertThrows(SignerException.class,
                () -> DocumentVerifier.create(DemoPki.settings()).verify("ho-so.xml", doctype));
        assertEquals(ErrorCode.BAD_INPUT, verifyEntity.code());
    }

    @Test
    void aStreamThatFailsIsAnIoError() {
        byte[] letter = Samples.bytes(Samples.pdf(dir));
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }
        };
        try (Pkcs12KeySource p12 = DemoPki.openP12(DemoPki.organisationP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            SignerException e = assertThrows(SignerException.class, () -> signer.sign("cong-van.pdf", letter, broken));
            assertEquals(ErrorCode.IO, e.code());
            assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        }
    }
}
