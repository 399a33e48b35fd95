package vn.signer.appearance;

import java.time.Instant;
import java.util.Objects;

/**
 * What only the signing run knows, for the texts of an appearance.
 *
 * @param signer       the signer's name (the certificate's common name)
 * @param organisation the certificate's organisation, or null
 * @param reason       the reason given for signing, or null
 * @param location     where it is signed, or null
 * @param signingTime  the signing time written into the signature
 */
public record SigningContext(String signer, String organisation, String reason, String location, Instant signingTime) {
    public SigningContext {
        Objects.requireNonNull(signingTime, "signingTime");
    }
}
