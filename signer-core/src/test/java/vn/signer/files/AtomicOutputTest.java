package vn.signer.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.Samples;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileThroughATemporaryFileBesideIt() throws IOException {
        Path target = dir.resolve("văn bản.pdf");
        AtomicReference<List<Path>> during = new AtomicReference<>();
        AtomicOutput.write(target, false, out -> {
            out.write("đã ký".getBytes(StandardCharsets.UTF_8));
            during.set(Samples.temporaryFiles(dir));
            assertFalse(Files.exists(target), "the target appears only when complete");
        });
        assertEquals("đã ký", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(1, during.get().size(), "the content went to one temporary file in the same folder");
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aFailingWriteLeavesNeitherTargetNorTemporaryFile() {
        Path target = dir.resolve("out.pdf");
        IOException failure = new IOException("disk full");
        SignerException e = assertThrows(SignerException.class, () -> AtomicOutput.write(target, false, out -> {
            out.write(new byte[1000]);
            throw failure;
        }));
        assertEquals(ErrorCode.IO, e.code());
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("disk full"), e.getMessage());
        assertSame(failure, e.getCause());
        assertFalse(Files.exists(target));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aFailingRewriteKeepsTheExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.pdf"), "bản cũ", StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, true, out -> {
            out.write(1);
            throw new IllegalStateException("signing library failed");
        }));
        assertEquals("bản cũ", Files.readString(target, StandardCharsets.UTF_8));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void anExistingTargetIsRefusedWithoutOverwriteAndReplacedWithIt() throws IOException {
        Path target = Files.writeString(dir.resolve("out.pdf"), "bản cũ", StandardCharsets.UTF_8);
        SignerException e = assertThrows(SignerException.class,
                () -> AtomicOutput.write(target, false, out -> out.write(2)));
        assertEquals(ErrorCode.OUTPUT_EXISTS, e.code());
        assertEquals("bản cũ", Files.readString(target, StandardCharsets.UTF_8));
        AtomicOutput.write(target, true, out -> out.write("bản mới".getBytes(StandardCharsets.UTF_8)));
        assertEquals("bản mới", Files.readString(target, StandardCharsets.UTF_8));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aTargetThatAppearsWhileWritingIsNotOverwritten() throws IOException {
        Path target = dir.resolve("out.pdf");
        SignerException e = assertThrows(SignerException.class, () -> AtomicOutput.write(target, false, out -> {
            out.write(3);
            Files.writeString(target, "người khác ghi", StandardCharsets.UTF_8);
        }));
        assertEquals(ErrorCode.OUTPUT_EXISTS, e.code());
        assertEquals("người khác ghi", Files.readString(target, StandardCharsets.UTF_8));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aStagedFileWrittenBySomeoneElseBecomesTheTargetOnlyOnCommit() throws IOException {
        Path target = dir.resolve("large-signed.pdf");
        try (AtomicOutput.Staged staged = AtomicOutput.stage(target)) {
            assertTrue(AtomicOutput.isTemporary(staged.path()), staged.path().toString());
            assertEquals(dir, staged.path().getParent(), "beside the target, on the same file system");
            Files.writeString(staged.path(), "prepared");
            assertFalse(Files.exists(target));
            staged.commit(false, channel -> { });
        }
        assertEquals("prepared", Files.readString(target));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void aTargetThatAppearsWhileStagedIsKeptAndTheStagedFileRemoved() throws IOException {
        Path target = dir.resolve("large-signed.pdf");
        try (AtomicOutput.Staged staged = AtomicOutput.stage(target)) {
            Files.writeString(staged.path(), "prepared");
            Files.writeString(target, "someone else's");
            SignerException e = assertThrows(SignerException.class, () -> staged.commit(false, channel -> { }));
            assertEquals(ErrorCode.OUTPUT_EXISTS, e.code());
        }
        assertEquals("someone else's", Files.readString(target));
        Samples.assertNoTemporaryFiles(dir);
    }

    @Test
    void anOutputGetsThePermissionsOfAnyFileTheUserWrites() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = dir.resolve("signed.pdf");
        AtomicOutput.write(target, false, out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                "not the owner-only mode of a temporary file");
    }

    @Test
    void createsMissingFoldersAndRecognisesItsTemporaryNames() throws IOException {
        Path target = dir.resolve("a/b/out.xml");
        AtomicOutput.write(target, false, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
        assertTrue(AtomicOutput.isTemporary(Path.of(".out.xml.signer-123.tmp")));
        assertFalse(AtomicOutput.isTemporary(Path.of("out.xml")));
        assertFalse(AtomicOutput.isTemporary(Path.of("out.signer-1.tmp")), "temporary files are hidden (leading dot)");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
