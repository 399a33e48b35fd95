package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import vn.signer.document.DocumentFormat;
import vn.signer.dss.CertificateVerifiers;
import vn.signer.verify.VerificationSettings;

/**
 * Recognises an output that an earlier run already produced: a copy of the input signed with the same
 * key. For a PDF the output must begin with the input's bytes (a signature is an incremental update);
 * for XML, what the signature signed must be the input (compared canonically). An output made from an
 * older version of the document is therefore never taken as done.
 */
final class SignedCopies {
    /**
     * Reading signatures needs a verifier but no network: the output may be any file left in the
     * output folder, and DSS's own default verifier would fetch what its certificates name.
     */
    private static final CertificateVerifier NO_NETWORK =
            CertificateVerifiers.create(VerificationSettings.builder().offline(true).build());

    private SignedCopies() {
    }

    static boolean isSignedCopy(Path input, Path output, X509Certificate signer) {
        try {
            boolean pdf = DocumentFormat.detect(output) == DocumentFormat.PDF;
            if (pdf && !startsWith(output, input)) {
                return false;
            }
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(output.toFile()));
            validator.setCertificateVerifier(NO_NETWORK);
            CertificateToken token = new CertificateToken(signer);
            for (AdvancedSignature signature : validator.getSignatures()) {
                if (signature.getCertificateSource().getCertificates().contains(token)
                        && (pdf || signedContentIs(validator, signature, input))) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | IOException e) {
            // An unreadable output is not a finished one; the caller reports that it exists.
            return false;
        }
    }

    private static boolean signedContentIs(SignedDocumentValidator validator, AdvancedSignature signature, Path input)
            throws IOException {
        XMLCanonicalizer c14n = XMLCanonicalizer.createInstance();
        byte[] expected = c14n.canonicalize(Files.readAllBytes(input));
        for (DSSDocument original : validator.getOriginalDocuments(signature)) {
            try (InputStream in = original.openStream()) {
                if (Arrays.equals(expected, c14n.canonicalize(in.readAllBytes()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(Path file, Path prefix) throws IOException {
        if (Files.size(file) <= Files.size(prefix)) {
            return false;
        }
        try (InputStream a = new BufferedInputStream(Files.newInputStream(prefix), 1 << 16);
             InputStream b = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            for (int n = a.readNBytes(x, 0, x.length); n > 0; n = a.readNBytes(x, 0, x.length)) {
                if (b.readNBytes(y, 0, n) != n || !Arrays.equals(x, 0, n, y, 0, n)) {
                    return false;
                }
            }
            return true;
        }
    }
}
