package vn.signer.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModificationsFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CertificateVerifierBuilder;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.AIASource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.PdfAttacks;
import vn.signer.testing.SignedSamples;
import vn.signer.testing.TestPki;

/**
 * What the shortcuts in this package rely on in DSS 6.4, so that an upgrade that changes it fails here
 * rather than silently skipping a check. ServiceLookupsTest and DefaultPolicyTest guard those two.
 */
class DssGuardsTest {
    @TempDir
    Path dir;

    /** A method DSS adds to an interface with a default body would bypass the shortcut without a word. */
    @Test
    void theShortcutsAnswerEveryMethodOfTheDssInterfacesTheyImplement() throws ClassNotFoundException {
        assertAnswersEvery(RevisionDifferences.class, PdfDifferencesFinder.class);
        assertAnswersEvery(RevisionDifferences.class, PdfObjectModificationsFinder.class);
        assertAnswersEvery(Class.forName("vn.signer.dss.RevocationSources$Cached"), RevocationSource.class);
        assertAnswersEvery(Class.forName("vn.signer.dss.RevocationSources$FirstAnswer"), RevocationSource.class);
    }

    /**
     * CertificateVerifiers restarts the request budget when DSS asks the verifier for its AIA source:
     * DSS copies the verifier at the start of every validation and asks for that first.
     */
    @Test
    void dssCopiesTheVerifierAskingForItsAiaSource() throws NoSuchMethodException {
        AtomicInteger asked = new AtomicInteger();
        CommonCertificateVerifier counting = new CommonCertificateVerifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public AIASource getAIASource() {
                asked.incrementAndGet();
                return super.getAIASource();
            }
        };
        new CertificateVerifierBuilder(counting).buildCompleteCopy();
        assertTrue(asked.get() > 0, "DSS no longer asks for the AIA source when it copies a verifier");
        Method overridden = CommonCertificateVerifier.class.getMethod("getAIASource");
        assertEquals(AIASource.class, overridden.getReturnType());
        assertTrue(!Modifier.isFinal(overridden.getModifiers()));
    }

    /**
     * RevisionDifferences answers DSS's "which pages look different" with signer's own comparison, and
     * skips it when the signature covers the whole file: DSS must still ask it, and use the answer.
     */
    @Test
    void dssAsksThePageComparisonOnlyWhenTheRevisionsDifferAndReportsItsAnswer() {
        TestPki pki = TestPki.create("guards");
        Path signed = SignedSamples.pdfEmbeddingOnlyTheSigner(pki.signer("Người Ký", "TEST").issue(), dir);
        Path changed = dir.resolve("changed.pdf");
        PdfAttacks.resizePage(signed, changed, 300);

        List<Integer> asked = new ArrayList<>();
        SignatureWrapper whole = validate(signed, asked);
        assertEquals(List.of(), asked, "asked to compare a revision with itself");
        assertEquals(List.of(), whole.getPdfVisualDifferenceConcernedPages());

        SignatureWrapper later = validate(changed, asked);
        assertEquals(1, asked.size(), "DSS did not ask signer's page comparison about a changed revision");
        assertEquals(List.of(BigInteger.ONE), later.getPdfVisualDifferenceConcernedPages());
    }

    /** Validates {@code pdf} with a RevisionDifferences whose page comparison says "page 1" and counts its calls. */
    private static SignatureWrapper validate(Path pdf, List<Integer> asked) {
        RevisionDifferences differences = new RevisionDifferences((before, after) -> {
            asked.add(after.getNumberOfPages());
            return List.of(1);
        });
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(pdf.toFile()));
        validator.setCertificateVerifier(new CommonCertificateVerifier());
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setPdfDifferencesFinder(differences);
        factory.setPdfObjectModificationsFinder(differences);
        ((PDFDocumentValidator) validator).setPdfObjFactory(factory);
        List<SignatureWrapper> signatures = ServiceLookups.run(() -> validator.validateDocument(DefaultPolicy.create()))
                .getDiagnosticData().getSignatures();
        assertEquals(1, signatures.size());
        return signatures.get(0);
    }

    private static void assertAnswersEvery(Class<?> ours, Class<?> dssInterface) {
        assertTrue(dssInterface.isAssignableFrom(ours), ours + " no longer implements " + dssInterface);
        for (Method method : dssInterface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            boolean declared = Arrays.stream(ours.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method.getName())
                    && Arrays.equals(m.getParameterTypes(), method.getParameterTypes()));
            assertTrue(declared, ours.getSimpleName() + " does not answer " + dssInterface.getSimpleName() + "." + method.getName()
                    + Arrays.toString(method.getParameterTypes()) + ", which DSS would then answer itself");
        }
    }
}
