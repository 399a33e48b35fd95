package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.audit.AuditChain;
import vn.signer.audit.AuditEntry;
import vn.signer.audit.AuditLog;

class AuditCommandTest {
    @TempDir
    Path dir;

    private Path log() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            for (int i = 0; i < 3; i++) {
                log.append(new AuditEntry(Instant.now(), "dms", "sign", "organisation", "ab".repeat(32), "signed", null));
            }
        }
        return file;
    }

    /** A log of three whose third line names another client. */
    private Path withThirdLineEdited() throws Exception {
        Path file = log();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("\"dms\"", "\"someone-else\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anIntactLogExitsZero() {
        Cli.Run run = Cli.run("audit", "verify", log().toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("intact, 3 entries"), run.toString());
    }

    @Test
    void anEditedLineExits65NamingIt() throws Exception {
        Path file = withThirdLineEdited();
        Cli.Run run = Cli.run("audit", "verify", file.toString());
        assertEquals(65, run.exit(), run.toString());
        assertTrue(run.err().contains("broken at line 3"), run.toString());
    }

    @Test
    void whatBrokeTheChainIsSaidInVietnamese() throws Exception {
        Path file = withThirdLineEdited();
        Cli.Run edited = Cli.run(Map.of("LANG", "vi_VN.UTF-8"), new String[] {"audit", "verify", file.toString()});
        assertEquals(65, edited.exit(), edited.toString());
        assertTrue(edited.err().contains("chuỗi bị đứt ở dòng 3: nội dung dòng không khớp với mã băm của nó (dòng đã bị sửa)"),
                edited.toString());
        assertFalse(edited.err().contains("edited"), edited.toString());
        Files.write(file, Files.readAllLines(file, StandardCharsets.UTF_8).subList(0, 1), StandardCharsets.UTF_8);
        Cli.Run cut = Cli.run(Map.of("LANG", "vi_VN.UTF-8"), new String[] {"audit", "verify", file.toString()});
        assertTrue(cut.err().contains("nhật ký kết thúc sau 1 mục nhưng tệp đầu của nó ghi 3 mục"), cut.toString());
        assertFalse(cut.err().contains("cut off"), cut.toString());
    }

    @Test
    void aLogCutShortExits65() throws Exception {
        Path file = log();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 1), StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("audit", "verify", file.toString());
        assertEquals(65, run.exit(), run.toString());
        assertTrue(run.err().contains("broken at line 2") && run.err().contains("cut off its end"), run.toString());
    }

    @Test
    void aLogWithoutItsHeadFileExits2() throws Exception {
        Path file = log();
        Files.delete(AuditChain.headOf(file));
        Cli.Run run = Cli.run("audit", "verify", file.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.out().contains("no head file"), run.toString());
    }

    @Test
    void aMissingLogExits66() {
        assertEquals(66, Cli.run("audit", "verify", dir.resolve("none.jsonl").toString()).exit());
    }
}
