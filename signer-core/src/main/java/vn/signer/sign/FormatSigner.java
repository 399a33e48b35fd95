package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import java.util.Date;
import vn.signer.keys.SigningKey;

/** Signs and extends one kind of document with DSS: PAdES for PDF, XAdES for XML. */
interface FormatSigner {

    /**
     * @param signingTime the claimed signing time, the same for the data to sign and the signed result
     * @return the signed document (for detached XML, the signature alone)
     */
    DSSDocument sign(DSSDocument document, SigningKey key, SignatureOptions options, Date signingTime);

    /** Raises every signature of {@code document} to {@code level} (LT or LTA), or renews LTA. */
    DSSDocument extend(DSSDocument document, Level level);

    /** The level name this signer produces at {@code level}, e.g. PAdES-BASELINE-B. */
    String levelName(Level level);
}
