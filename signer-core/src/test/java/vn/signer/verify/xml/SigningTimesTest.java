package vn.signer.verify.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningTimesTest {
    @Test
    void aTimeWithoutAZoneIsVietnamLocalTime() {
        assertEquals(Instant.parse("2026-12-02T15:15:30Z"), SigningTimes.parse(" 2026-12-02T22:15:30\n"));
    }

    @Test
    void aTimeWithAZoneIsReadAsWritten() {
        assertEquals(Instant.parse("2026-12-02T22:15:30Z"), SigningTimes.parse("2026-12-02T22:15:30Z"));
        assertEquals(Instant.parse("2026-12-02T20:15:30Z"), SigningTimes.parse("2026-12-02T22:15:30+02:00"));
    }

    @Test
    void somethingElseIsNoTime() {
        assertNull(SigningTimes.parse("02/12/2026 22:15"));
    }
}
