package vn.signer.dss;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;

/**
 * DSS's PAdES service, opened up for the one step the B-level fast path needs (the CMS alone, which
 * {@link ContentsPatch} puts in the prepared document), and without DSS's check of the signing
 * certificate before each signature. Relies on two protected methods of DSS's service;
 * {@code SignShortcutsGuardTest} fails if a DSS upgrade changes them. Internal to signer.
 */
public final class OpenPadesService extends PAdESService {
    private static final long serialVersionUID = 1L;

    public OpenPadesService(CertificateVerifier verifier) {
        super(verifier);
    }

    /**
     * Signing checks the certificate itself when a document is prepared (valid at the signing time,
     * allowed to sign, key strong enough). DSS's check, with its revocation check off as signer leaves
     * it, asks only whether the certificate is valid now, and builds a whole validation context (chain,
     * revocation look-up) for that answer: a tenth of signing a one-page PDF.
     */
    @Override
    protected void assertSigningCertificateValid(AbstractSignatureParameters<?> parameters) {
    }

    /** The CMS signature DSS would embed in {@code document} for {@code value}. */
    public byte[] cms(DSSDocument document, PAdESSignatureParameters parameters, SignatureValue value) {
        return generateCMSSignedData(document, parameters, value);
    }
}
