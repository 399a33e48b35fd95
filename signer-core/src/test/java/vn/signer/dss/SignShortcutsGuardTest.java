package vn.signer.dss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;

/**
 * Guards the sign-side shortcuts into DSS ({@link OpenPadesService}, {@link ContentsPatch},
 * {@link StagedResources}): each
 * test fails when a DSS upgrade changes what a shortcut relies on, so that it is looked at again
 * rather than silently bypassed or, worse, producing something DSS would not.
 */
class SignShortcutsGuardTest {
    private static TestPki pki;
    private static TestPki.Entity signer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("guards");
        signer = pki.signer("Guard", "TEST").issue();
    }

    @Test
    void theProtectedMethodsOpenPadesServiceUsesExistWithTheirSignatures() throws Exception {
        Method cms = PAdESService.class.getDeclaredMethod("generateCMSSignedData", DSSDocument.class,
                PAdESSignatureParameters.class, SignatureValue.class);
        assertTrue(Modifier.isProtected(cms.getModifiers()), cms.toString());
        assertEquals(byte[].class, cms.getReturnType(), cms.toString());
        Method check = declared(PAdESService.class, "assertSigningCertificateValid", AbstractSignatureParameters.class);
        assertTrue(Modifier.isProtected(check.getModifiers()), check.toString());
        assertEquals(void.class, check.getReturnType(), check.toString());
    }

    @Test
    void dssChecksTheSigningCertificateWhereOpenPadesServiceSkipsIt() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        TestPki.Entity expired = pki.signer("Expired Guard", "TEST").valid(past, past.plus(Duration.ofDays(1))).issue();
        DSSDocument document = pdf();
        // DSS's own service refuses (its check is the method OpenPadesService overrides) ...
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> prepare(new PAdESService(new CommonCertificateVerifier()), document, expired));
        assertTrue(String.valueOf(refused.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("expired"),
                refused.toString());
        // ... which OpenPadesService does not run: signer checks the certificate itself, at prepare.
        assertNotNull(prepare(new OpenPadesService(new CommonCertificateVerifier()), document, expired));
    }

    @Test
    void thePatchedDocumentIsByteForByteWhatDssWouldWrite() throws Exception {
        OpenPadesService service = new OpenPadesService(new CommonCertificateVerifier());
        DSSDocument document = pdf();
        PAdESSignatureParameters parameters = parameters(signer);
        ToBeSigned toBeSigned = withFactory(service).getDataToSign(document, parameters);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signer.key());
        rsa.update(toBeSigned.getBytes());
        SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign());

        DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
        assertNotNull(prepared, "DSS keeps the document it prepared for signing");
        ContentsPatch patch = ContentsPatch.of(prepared, service.cms(document, parameters, value), null);
        assertNotNull(patch, "the prepared document's last /ByteRange frames an empty /Contents");
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        patch.writeTo(patched);
        ByteArrayOutputStream dssOwn = new ByteArrayOutputStream();
        service.signDocument(document, parameters, value).writeTo(dssOwn);
        assertArrayEquals(dssOwn.toByteArray(), patched.toByteArray());
    }

    @Test
    void dssWritesThePreparedCopyOfALargeDocumentThroughStagedResources() throws Exception {
        Path output = dir.resolve("staged-signed.pdf");
        StagedResources files = new StagedResources(output);
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.fileOnly());
        factory.setResourcesHandlerBuilder(files);
        OpenPadesService service = new OpenPadesService(new CommonCertificateVerifier());
        service.setPdfObjFactory(factory);
        PAdESSignatureParameters parameters = parameters(signer);
        try {
            service.getDataToSign(new FileDocument(Samples.pdf(dir).toFile()), parameters);
            DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
            assertNotNull(files.of(prepared), "the prepared copy is the file staged beside the output: " + prepared);
        } finally {
            files.clear();
        }
        assertTrue(Samples.temporaryFiles(dir).isEmpty(), "clear removes the working copies");
    }

    private static ToBeSigned prepare(PAdESService service, DSSDocument document, TestPki.Entity entity) {
        return withFactory(service).getDataToSign(document, parameters(entity));
    }

    private static PAdESService withFactory(PAdESService service) {
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        return service;
    }

    private static PAdESSignatureParameters parameters(TestPki.Entity entity) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setSigningCertificate(new CertificateToken(entity.certificate()));
        parameters.setCertificateChain(entity.chain().stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.bLevel().setSigningDate(new Date());
        return parameters;
    }

    private static DSSDocument pdf() {
        return new InMemoryDocument(Samples.bytes(Samples.pdf(dir)), "letter.pdf");
    }

    private static Method declared(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        throw new NoSuchMethodException(type.getName() + " and its superclasses declare no " + name);
    }
}
