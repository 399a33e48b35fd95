package vn.signer.server.routes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import vn.signer.report.Printable;

/**
 * A request's query parameters, decoded strictly from the raw query string: a percent-encoding that
 * is not one ({@code %ZZ}), bytes that are not UTF-8, a parameter given twice, or a value holding a
 * control character, CR/LF or a bidi control (what {@link Printable} escapes) is a 400 naming the
 * parameter. The servlet's own decoding drops or replaces such values silently, and a reason with a
 * CR/LF or a bidi override would be signed into the document as sent. Values are NFC-normalised.
 */
final class Query {
    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    /** The parameters of {@code rawQuery} (null for none). */
    static Query parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
                String value = decode(equals < 0 ? "" : pair.substring(equals + 1), name);
                if (values.put(name, value) != null) {
                    throw HttpError.badRequest("query.repeated", name);
                }
            }
        }
        return new Query(values);
    }

    /** The value of {@code name}, or null when absent. */
    String get(String name) {
        return values.get(name);
    }

    /** {@code name} as true or false ({@code ?name} alone is true), or {@code absent}. */
    boolean flag(String name, boolean absent) {
        String value = get(name);
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw HttpError.badRequest("query.notBoolean", name);
        };
    }

    /**
     * Decodes one name or value ({@code parameter} names the value's parameter; null while decoding a
     * name) into NFC text, refusing what cannot be decoded or may not be written as is.
     */
    private static String decode(String encoded, String parameter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || !HexFormat.isHexDigit(encoded.charAt(i + 1))
                        || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    throw refused(parameter, "badPercent");
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Jetty hands raw UTF-8 in the request line over decoded; its characters count as themselves.
                int codePoint = encoded.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(parameter, "notUtf8");
        }
        int bad = text.chars().filter(Printable::escaped).findFirst().orElse(-1);
        if (bad >= 0) {
            throw refused(parameter, "control", "U+%04X".formatted(bad));
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A refusal of a parameter's value ({@code parameter} named first), or of a name (null). */
    private static HttpError refused(String parameter, String why, Object... more) {
        if (parameter == null) {
            return HttpError.badRequest("query.name." + why, more);
        }
        Object[] args = new Object[more.length + 1];
        args[0] = parameter;
        System.arraycopy(more, 0, args, 1, more.length);
        return HttpError.badRequest("query.value." + why, args);
    }
}
