package vn.signer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

class AuditLogTest {
    @TempDir
    Path dir;

    private Path logOfThree() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            log.append(new AuditEntry(Instant.now(), "dms", "sign", "organisation", "ab".repeat(32), "signed", null));
            log.append(new AuditEntry(Instant.now(), "127.0.0.1", "sign", null, null, "UNAUTHORIZED", "no API key"));
        }
        // Reopening continues the same chain.
        try (AuditLog log = AuditLog.open(file)) {
            log.append(new AuditEntry(Instant.now(), "dms", "sign", "organisation", "cd".repeat(32), "signed", "Sở \"x\""));
        }
        return file;
    }

    @Test
    void anUntouchedLogIsIntact() {
        AuditChain.Result result = AuditChain.verify(logOfThree());
        assertTrue(result.intact(), result.toString());
        assertEquals(3, result.lines());
    }

    @Test
    void editingOneLineBreaksTheChainAtThatLine() throws Exception {
        Path file = logOfThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("UNAUTHORIZED", "signed"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        AuditChain.Result result = AuditChain.verify(file);
        assertFalse(result.intact());
        assertEquals(2, result.brokenLine());
    }

    @Test
    void deletingALineBreaksTheChainAfterIt() throws Exception {
        Path file = logOfThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.remove(0);
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertEquals(1, AuditChain.verify(file).brokenLine());
    }

    @Test
    void aBrokenLogIsNeverExtended() throws Exception {
        Path file = logOfThree();
        Files.writeString(file, "{\"forged\":true}\n", java.nio.file.StandardOpenOption.APPEND);
        SignerException e = assertThrows(SignerException.class, () -> AuditLog.open(file));
        assertEquals(ErrorCode.BAD_INPUT, e.code());
    }
}
