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
import vn.signer.Problem;
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
        assertEquals(3, result.head());
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
    void cuttingLinesOffTheEndIsDetectedByTheHeadFile() throws Exception {
        Path file = logOfThree();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 2), StandardCharsets.UTF_8);
        AuditChain.Result result = AuditChain.verify(file);
        assertFalse(result.intact(), result.toString());
        assertEquals(3, result.brokenLine());
        assertEquals(Problem.of("audit.line.cutOff", 2L, 3L), result.problem());
        assertThrows(SignerException.class, () -> AuditLog.open(file));
    }

    @Test
    void aTailRewrittenWithAValidChainDoesNotMatchTheHead() throws Exception {
        Path file = logOfThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        // A forger who knows the chain's rule replaces the last entry with a correctly chained one.
        String secondHash = lines.get(1).substring(lines.get(1).length() - 66, lines.get(1).length() - 2);
        String body = "{\"time\":\"2026-11-28T00:00:00Z\",\"client\":\"dms\",\"outcome\":\"signed\",\"prev\":\""
                + secondHash + "\"}";
        lines.set(2, AuditChain.withHash(body, AuditChain.hash(secondHash, body)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        AuditChain.Result result = AuditChain.verify(file);
        assertFalse(result.intact(), result.toString());
        assertEquals(3, result.brokenLine());
        assertEquals(Problem.of("audit.line.notAtHead"), result.problem());
    }

    @Test
    void aLogWithoutItsHeadFileIsNotExtended() throws Exception {
        Path file = logOfThree();
        Files.delete(AuditChain.headOf(file));
        AuditChain.Result result = AuditChain.verify(file);
        assertTrue(result.intact());
        assertFalse(result.anchored());
        SignerException e = assertThrows(SignerException.class, () -> AuditLog.open(file));
        assertEquals(ErrorCode.BAD_INPUT, e.code());
        assertTrue(e.getMessage().contains("no head file"), e.getMessage());
    }

    @Test
    void anEntryWrittenJustBeforeAStopIsRecordedInTheHeadOnReopening() throws Exception {
        Path file = logOfThree();
        Path head = AuditChain.headOf(file);
        String headOfThree = Files.readString(head, StandardCharsets.UTF_8);
        try (AuditLog log = AuditLog.open(file)) {
            log.append(new AuditEntry(Instant.now(), "dms", "sign", "organisation", "ef".repeat(32), "signed", null));
        }
        // As if the process had stopped after writing the fourth line but before replacing the head.
        Files.writeString(head, headOfThree, StandardCharsets.UTF_8);
        AuditChain.Result result = AuditChain.verify(file);
        assertTrue(result.intact(), result.toString());
        assertEquals(3, result.head());
        assertEquals(4, result.lines());
        AuditLog.open(file).close();
        assertEquals(4, AuditChain.verify(file).head());
    }

    @Test
    void aHeadFileThatIsNotOneRecordIsBadInput() throws Exception {
        Path file = logOfThree();
        Path head = AuditChain.headOf(file);
        String record = Files.readString(head, StandardCharsets.US_ASCII);
        for (String bad : List.of("{\"entries\": \"many\"}", record.replace("\"entries\":3", "\"entries\":3.5"),
                record + record)) {
            Files.writeString(head, bad, StandardCharsets.US_ASCII);
            SignerException e = assertThrows(SignerException.class, () -> AuditChain.verify(file), bad);
            assertEquals(ErrorCode.BAD_INPUT, e.code());
            assertTrue(e.getMessage().contains(".head"), e.getMessage());
        }
    }

    @Test
    void aLogThatIsGoneWhileItsHeadRemainsIsNotStartedAgain() throws Exception {
        Path file = logOfThree();
        Files.delete(file);
        SignerException e = assertThrows(SignerException.class, () -> AuditLog.open(file));
        assertEquals(ErrorCode.BAD_INPUT, e.code());
        assertTrue(e.getMessage().contains("missing but its head file records 3 entries"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void anEmptyLogIsIntactAndAnchored() {
        Path file = dir.resolve("empty.jsonl");
        AuditLog.open(file).close();
        AuditChain.Result result = AuditChain.verify(file);
        assertTrue(result.intact(), result.toString());
        assertEquals(0, result.lines());
        assertEquals(0, result.head());
        AuditLog.open(file).close();
    }

    @Test
    void aBrokenLogIsNeverExtended() throws Exception {
        Path file = logOfThree();
        Files.writeString(file, "{\"forged\":true}\n", java.nio.file.StandardOpenOption.APPEND);
        SignerException e = assertThrows(SignerException.class, () -> AuditLog.open(file));
        assertEquals(ErrorCode.BAD_INPUT, e.code());
    }
}
