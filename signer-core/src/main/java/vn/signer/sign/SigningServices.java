package vn.signer.sign;

import java.time.Clock;
import java.util.Objects;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.verify.VerificationSettings;

/**
 * What signing relies on beyond the key: the timestamp authorities (T and above), the trust and
 * revocation settings used to build the chain and gather revocation data (LT and LTA) — the same
 * settings a verifier uses, so that what is embedded is what a verifier will accept — and the clock
 * that gives the signing time and judges the certificate.
 *
 * @param timestamps the TSAs, or null when none is configured
 * @param trust      trust anchors, intermediates, CRL files and whether the network may be used
 * @param clock      the signing time; the system clock but in tests
 */
public record SigningServices(TimestampAuthorities timestamps, VerificationSettings trust, Clock clock) {

    public SigningServices {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(clock, "clock");
    }

    /** These services on the system clock. */
    public SigningServices(TimestampAuthorities timestamps, VerificationSettings trust) {
        this(timestamps, trust, Clock.systemUTC());
    }

    /** No TSA, no trust anchors, no network: enough for B-B only. */
    public static SigningServices none() {
        return new SigningServices(null, VerificationSettings.builder().offline(true).build());
    }

    /** The same services with signing times and certificate checks taken from {@code clock}. */
    public SigningServices withClock(Clock clock) {
        return new SigningServices(timestamps, trust, clock);
    }
}
