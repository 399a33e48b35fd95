package vn.signer.server.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnswerLanguageTest {

    @Test
    void acceptLanguageChoosesByWeight() {
        assertEquals(AnswerLanguage.VIETNAMESE, AnswerLanguage.fromHeader("vi-VN,vi;q=0.9,en;q=0.8"));
        assertEquals(AnswerLanguage.VIETNAMESE, AnswerLanguage.fromHeader("en;q=0.5, vi;q=0.7"));
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader("fr, en-GB;q=0.9, vi;q=0.8"));
        assertEquals(AnswerLanguage.VIETNAMESE, AnswerLanguage.fromHeader("fr, vi;q=0.2"));
    }

    @Test
    void aLanguageWeightedZeroIsRefused() {
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader("vi;q=0, en;q=0.1"));
    }

    @Test
    void noneUnknownOrMalformedIsEnglishAsBefore() {
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader(null));
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader("de, fr"));
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader("vi;q=nonsense"));
        assertEquals(AnswerLanguage.ENGLISH, AnswerLanguage.fromHeader("*"));
    }
}
