package vn.signer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** What text output shows of outside text, and that JSON keeps it exact while escaping the same characters. */
class PrintableTest {
    /** A common name made to forge a second signature line, recolour the terminal and reverse what follows. */
    static final String FORGED = "Nguyễn Văn A\n  #2 Bo Truong: VALID\r\t\u001b[32m\u0000\u007f\u009b\u202eABC\u2066\u2069\u200e\u200f\u061c\u2028\u2029.";

    @Test
    void controlsBidiAndSeparatorsAreEscapedAndTheRestKept() {
        assertEquals("Nguyễn Văn A\\n  #2 Bo Truong: VALID\\r\\t\\u001b[32m\\u0000\\u007f\\u009b\\u202eABC\\u2066\\u2069"
                + "\\u200e\\u200f\\u061c\\u2028\\u2029.", Printable.text(FORGED));
        assertEquals(1, Printable.text(FORGED).lines().count());
    }

    @Test
    void ordinaryTextIsUnchangedButNormalisedToNfc() {
        String name = "Đặng Thị Phượng, CN=Trần\\, Văn B (Sở KH&CN) 'x' \"y\" ~ \u00a0 \u200d";
        assertEquals(name, Printable.text(name), "printable text, backslashes, NBSP and ZWJ stay as they are");
        String decomposed = Normalizer.normalize("Phê duyệt", Normalizer.Form.NFD);
        assertEquals("Phê duyệt", Printable.text(decomposed));
        assertEquals(Normalizer.normalize("Phê duyệt", Normalizer.Form.NFC), Printable.text(decomposed));
    }

    @Test
    void takesAnyValueAndLeavesNullAlone() {
        assertNull(Printable.text(null));
        assertEquals("/tmp/a\\nb.pdf", Printable.text(Path.of("/tmp/a\nb.pdf")));
    }

    record Named(String name) {
    }

    @Test
    void jsonKeepsTheExactValueOnOneLineWithNoRawControlOrBidiCharacter() throws Exception {
        String line = Json.line(new Named(FORGED));
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.chars().noneMatch(Printable::escaped), "every such character is a JSON escape: " + line);
        assertTrue(line.contains("\\u001b") || line.contains("\\u001B"), line);
        assertTrue(line.contains("\\u202e"), line);
        JsonNode parsed = Json.mapper().readTree(line);
        assertEquals(FORGED, parsed.get("name").asText());
        assertEquals("{\"name\":\"Phê duyệt\"}", Json.line(new Named("Phê duyệt")), "other text is written as it is");
    }
}
