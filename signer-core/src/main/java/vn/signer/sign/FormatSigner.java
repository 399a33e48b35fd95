package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/** Signs and extends one kind of document with DSS: PAdES for PDF, XAdES for XML. */
interface FormatSigner {

    /**
     * Prepares {@code document} for a signature: every parameter is fixed here.
     *
     * @param chain       the signer's certificate and the issuers to embed
     * @param signingTime the claimed signing time, the same for the data to sign and the signed result
     * @param output      where the signed document will be saved (large documents are prepared beside it);
     *                    null for a document signed in memory, which is never large
     */
    PreparedFormat prepare(DSSDocument document, List<X509Certificate> chain, SignatureOptions options, Date signingTime,
                     Path output);

    /** Raises every signature of {@code document} to {@code level} (LT or LTA), or renews LTA. */
    DSSDocument extend(DSSDocument document, Level level);

    /** The level name this signer produces at {@code level}, e.g. PAdES-BASELINE-B. */
    String levelName(Level level);
}
