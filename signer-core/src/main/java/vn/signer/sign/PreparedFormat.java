package vn.signer.sign;

import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import java.util.function.Function;

/**
 * A document a {@link FormatSigner} prepared for one signature, holding DSS's state (and, for a large
 * PDF, its working files).
 */
interface PreparedFormat extends AutoCloseable {

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
    static PreparedFormat of(ToBeSigned toBeSigned, Function<SignatureValue, SignedOutput> finish, Runnable release) {
        return new PreparedFormat() {
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
