package vn.signer.sign;

import java.util.Objects;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.verify.VerificationSettings;

/**
 * What signing beyond B-B relies on: the timestamp authorities (T and above) and the trust and
 * revocation settings used to build the chain and gather revocation data (LT and LTA) — the same
 * settings a verifier uses, so that what is embedded is what a verifier will accept.
 *
 * @param timestamps the TSAs, or null when none is configured
 * @param trust      trust anchors, intermediates, CRL files and whether the network may be used
 */
public record SigningServices(TimestampAuthorities timestamps, VerificationSettings trust) {

    public SigningServices {
        Objects.requireNonNull(trust, "trust");
    }

    /** No TSA, no trust anchors, no network: enough for B-B only. */
    public static SigningServices none() {
        return new SigningServices(null, VerificationSettings.builder().offline(true).build());
    }
}
