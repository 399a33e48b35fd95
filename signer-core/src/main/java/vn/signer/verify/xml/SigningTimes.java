package vn.signer.verify.xml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the SigningTime of an XMLDSig SignatureProperty. E-invoice systems write Vietnam local time
 * without a zone (Circular 78/2021), so a time without one is read at +07:00; one with a zone is read
 * as written. Either way it is the signer's claim, not a proof.
 */
final class SigningTimes {
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private SigningTimes() {
    }

    /** The instant, or null when {@code text} is no xsd:dateTime. */
    static Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException zoneless) {
            try {
                return LocalDateTime.parse(value).toInstant(VIETNAM);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
