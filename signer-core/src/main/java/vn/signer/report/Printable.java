package vn.signer.report;

import java.text.Normalizer;

/**
 * Text that comes from outside signer — a document, a certificate, a file name — made safe to show
 * in a line of text output or a log: NFC-normalised, with every character that could break the line
 * or drive the terminal written as an escape. A certificate's common name holding a newline cannot
 * then print a second, forged signature line, nor an ESC sequence recolour or move the cursor, nor a
 * bidi override reorder what the reader sees.
 *
 * <p>Escaped: {@code \n}, {@code \r} and {@code \t} as themselves; every other C0 control, DEL and
 * the C1 controls, the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
 * line and paragraph separators (U+2028, U+2029) as {@code \}{@code uXXXX}. A backslash is left as it
 * is: it neither breaks a line nor reaches the terminal as a command, and distinguished names use it
 * to quote commas (RFC 4514), which must stay readable. Text output is therefore for people; JSON
 * output keeps the exact value.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code value}'s text, NFC-normalised and escaped; {@code null} stays {@code null}, so that
     * callers keep their own wording for a missing value.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.toString(), Normalizer.Form.NFC);
        if (text.chars().noneMatch(Printable::escaped)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code c} is written as an escape (all of them are in the Basic Multilingual Plane): the
     * characters that text taken from outside may not carry where it is written as is.
     */
    public static boolean escaped(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
