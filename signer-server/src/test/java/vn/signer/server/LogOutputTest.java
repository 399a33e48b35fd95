package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's logs: what a caller sent cannot forge a log line or reach the reader's terminal raw. */
class LogOutputTest {
    private static final String FORGED = "Công văn.pdf\n[main] INFO vn.signer.server - forged\u001b[31m\u202e";
    private static final String SHOWN = "Công văn.pdf\\n[main] INFO vn.signer.server - forged\\u001b[31m\\u202e";

    @Test
    void aLoggedMessageIsOneUtf8LineWithItsControlsEscaped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new LogOutput(bytes));
        try {
            LoggerFactory.getLogger(LogOutputTest.class).warn("cannot parse {}", FORGED);
        } finally {
            System.setErr(original);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("WARN vn.signer.server.LogOutputTest - cannot parse " + SHOWN), lines.toString());
    }

    @Test
    void aStackTraceKeepsItsIndentationAndEscapesTheMessage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LogOutput out = new LogOutput(bytes)) {
            new IllegalStateException(FORGED, new IllegalArgumentException("\tcause\u001b")).printStackTrace(out);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("java.lang.IllegalStateException: " + SHOWN, lines.get(0));
        assertTrue(lines.get(1).startsWith("\tat vn.signer.server.LogOutputTest."), lines.toString());
        assertTrue(lines.contains("Caused by: java.lang.IllegalArgumentException: \\tcause\\u001b"), lines.toString());
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\u001b"), lines.toString());
    }
}
