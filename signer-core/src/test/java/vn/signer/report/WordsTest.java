package vn.signer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static final Instant NOON_UTC = Instant.parse("2026-03-05T05:04:03Z");

    @Test
    void numbersFollowEachLanguagesConvention() {
        assertEquals("12,345.5", Words.ENGLISH.number(12345.5));
        assertEquals("12.345,5", Words.VIETNAMESE.number(12345.5));
        assertEquals("1234,5", Words.VIETNAMESE.number(1234.5));
        assertEquals("2048", Words.VIETNAMESE.number(2048), "four digits are not grouped");
    }

    @Test
    void timesAreVietnamTimeInEachLanguagesForm() {
        assertEquals("2026-03-05T12:04:03+07:00", Words.ENGLISH.time(NOON_UTC));
        assertEquals("05/03/2026 12:04:03 (giờ Việt Nam)", Words.VIETNAMESE.time(NOON_UTC));
        assertEquals("05/03/2026", Words.VIETNAMESE.date(NOON_UTC));
    }

    @Test
    void aRemarkIsRenderedWithItsArgumentsInTheLanguage() {
        Remark remark = Remark.of("time.differs", NOON_UTC, NOON_UTC, 15000L);
        assertEquals("the claimed signing time (2026-03-05T12:04:03+07:00) differs from the timestamp"
                + " (2026-03-05T12:04:03+07:00) by 15,000 minutes; the timestamp's time is the one that counts",
                Words.ENGLISH.text(remark));
        assertEquals("thời điểm ký (theo khai báo) (05/03/2026 12:04:03 (giờ Việt Nam)) lệch so với dấu thời gian"
                + " (05/03/2026 12:04:03 (giờ Việt Nam)) 15.000 phút; thời điểm của dấu thời gian mới là thời điểm có giá trị",
                Words.VIETNAMESE.text(remark));
    }

    @Test
    void aRemarkInsideAnotherIsRenderedInTheSameLanguage() {
        Remark inner = Remark.of("pdf.unsigned.pageContent", 2);
        Remark outer = Remark.of("pdf.stretch.unsigned", inner);
        assertEquals("a later revision changes the content of page 2 (content streams, fonts, images or page size),"
                + " not covered by any signature", Words.ENGLISH.text(outer));
        assertEquals(Words.VIETNAMESE.text(inner) + ", không được chữ ký nào bao phủ", Words.VIETNAMESE.text(outer));
    }

    @Test
    void onlyVietnameseIsVietnamese() {
        assertEquals(Words.VIETNAMESE, Words.of(Locale.forLanguageTag("vi-VN")));
        assertEquals(Words.ENGLISH, Words.of(Locale.FRENCH));
        assertEquals(Words.ENGLISH, Words.of(null));
    }

    @Test
    void anUnknownCodeIsAProgrammingErrorNotATextShown() {
        assertThrows(IllegalArgumentException.class, () -> Words.ENGLISH.text(Remark.of("no.such.code")));
    }

    @Test
    void jsonCarriesCodeArgsAndTheMessageInTheLanguageAsked() throws Exception {
        Remark remark = Remark.of("algorithm.weakKey", "RSA", 1024, 2048);
        JsonNode english = Json.mapper().readTree(Json.line(List.of(remark), Locale.ROOT)).get(0);
        JsonNode vietnamese = Json.mapper().readTree(Json.line(List.of(remark), Locale.forLanguageTag("vi"))).get(0);
        assertEquals("algorithm.weakKey", english.path("code").asText());
        assertEquals("[\"RSA\",1024,2048]", english.path("args").toString());
        assertEquals(english.path("args"), vietnamese.path("args"));
        assertEquals(Words.ENGLISH.text(remark), english.path("message").asText());
        assertEquals(Words.VIETNAMESE.text(remark), vietnamese.path("message").asText());
        assertEquals(remark, Json.mapper().readValue(Json.line(remark), Remark.class), "reads back into the same remark");
    }
}
