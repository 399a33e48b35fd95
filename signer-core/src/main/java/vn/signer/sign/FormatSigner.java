package vn.signer.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

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
    Prepared prepare(DSSDocument document, List<X509Certificate> chain, SignatureOptions options, Date signingTime,
                     Path output);

    /** Raises every signature of {@code document} to {@code level} (LT or LTA), or renews LTA. */
    DSSDocument extend(DSSDocument document, Level level);

    /** The level name this signer produces at {@code level}, e.g. PAdES-BASELINE-B. */
    String levelName(Level level);

    /** A document prepared for one signature, holding DSS's state (and, for a large PDF, its working files). */
    interface Prepared extends AutoCloseable {

        /** What the key signs: DSS's to-be-signed bytes. */
        byte[] toBeSigned();

        /**
         * Puts the (already checked) value in and reaches the options' level (timestamps and validation
         * data from the services).
         *
         * @return the signed document (for detached XML, the signature alone), to be saved then closed
         */
        SignedOutput finish(SignatureValue value);

        /** Frees the working files, whatever became of the signature. */
        @Override
        void close();

        /** {@code finish} given the value; {@code release} frees the working files. */
        static Prepared of(ToBeSigned toBeSigned, Function<SignatureValue, SignedOutput> finish, Runnable release) {
            return new Prepared() {
                @Override
                public byte[] toBeSigned() {
                    return toBeSigned.getBytes();
                }

                @Override
                public SignedOutput finish(SignatureValue value) {
                    return finish.apply(value);
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        }
    }
}
