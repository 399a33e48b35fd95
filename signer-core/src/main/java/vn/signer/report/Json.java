package vn.signer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON form of signer's results (reports, key listings, outcomes), shared by the command line
 * and the server so that both print the same shape. Times are ISO 8601 instants in UTC. Strings keep
 * their exact value; what {@link Printable} escapes in text is written as a JSON escape here too, so
 * that a line of JSON shown on a terminal cannot drive it or reorder what it shows. A {@link Remark} is
 * written as {@code {"code", "args", "message"}}: the code and its facts the same in every language, the
 * message in the language asked for.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(new RemarkSerializer()).addDeserializer(Remark.class, new RemarkReader()))
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

    private static final class RemarkSerializer extends StdSerializer<Remark> {
        private static final long serialVersionUID = 1L;

        RemarkSerializer() {
            super(Remark.class);
        }

        @Override
        public void serialize(Remark remark, JsonGenerator out, SerializerProvider provider) throws IOException {
            Words words = provider.getAttribute(Words.class) instanceof Words w ? w : Words.ENGLISH;
            out.writeStartObject();
            out.writeStringField("code", remark.code());
            out.writeArrayFieldStart("args");
            for (Object arg : remark.args()) {
                provider.defaultSerializeValue(arg, out);
            }
            out.writeEndArray();
            out.writeStringField("message", words.text(remark));
            out.writeEndObject();
        }
    }

    /** A remark read back: its code and args (as JSON gives them: strings, numbers, lists, remarks); the message is dropped. */
    private static final class RemarkReader extends StdDeserializer<Remark> {
        private static final long serialVersionUID = 1L;

        RemarkReader() {
            super(Remark.class);
        }

        @Override
        public Remark deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return remark(in.readValueAsTree());
        }

        private static Remark remark(JsonNode node) {
            List<Object> args = new ArrayList<>();
            node.path("args").forEach(arg -> args.add(value(arg)));
            return new Remark(node.path("code").asText(), args);
        }

        private static Object value(JsonNode node) {
            if (node.isObject() && node.has("code")) {
                return remark(node);
            }
            if (node.isArray()) {
                List<Object> items = new ArrayList<>();
                node.forEach(item -> items.add(value(item)));
                return items;
            }
            return node.isNumber() ? node.numberValue() : node.asText();
        }
    }

    private Json() {
    }

    /** {@code value} (a record or a collection of records) as one line of JSON, messages in English. */
    public static String line(Object value) {
        return line(value, Locale.ROOT);
    }

    /** {@code value} as one line of JSON, messages in the language of {@code locale} (see {@link Words#of}). */
    public static String line(Object value, Locale locale) {
        try {
            return MAPPER.writer().withAttribute(Words.class, Words.of(locale)).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The shared mapper, for readers of signer's JSON (tests, clients). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
