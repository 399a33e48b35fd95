package vn.signer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of signer's results (reports, key listings, outcomes), shared by the command line
 * and the server so that both print the same shape. Times are ISO 8601 instants in UTC. Strings keep
 * their exact value; what {@link Printable} escapes in text is written as a JSON escape here too, so
 * that a line of JSON shown on a terminal cannot drive it or reorder what it shows.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new Escapes());
    }

    /** JSON's own escapes (C0 controls, quote, backslash), and DEL, C1, bidi controls and separators as Unicode escapes. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Printable.escaped(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private Json() {
    }

    /** {@code value} (a record or a collection of records) as one line of JSON. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The shared mapper, for readers of signer's JSON (tests, clients). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
