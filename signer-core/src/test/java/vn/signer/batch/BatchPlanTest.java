package vn.signer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.sign.DocumentSigner;

class BatchPlanTest {
    @TempDir
    Path dir;

    private Path file(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    private static Set<String> names(List<BatchItem> items, Path root) {
        return items.stream().map(i -> root.relativize(i.input()).toString()).collect(Collectors.toSet());
    }

    @Test
    void scansOneLevelByDefaultAndTheTreeWithRecursion() throws IOException {
        file("a.pdf");
        file("b.XML");
        file("notes.txt");
        file("sub/c.pdf");
        BatchPlan flat = new BatchPlan(new DocumentFinder(false, List.of(), List.of()), null, DocumentSigner::defaultOutput);
        assertEquals(Set.of("a.pdf", "b.XML"), names(flat.items(List.of(dir), null), dir));
        BatchPlan deep = new BatchPlan(new DocumentFinder(true, List.of(), List.of()), null, DocumentSigner::defaultOutput);
        assertEquals(Set.of("a.pdf", "b.XML", "sub/c.pdf"), names(deep.items(List.of(dir), null), dir));
    }

    @Test
    void includeAndExcludeFilterFolderContents() throws IOException {
        file("cv-1.pdf");
        file("cv-2.pdf");
        file("draft-cv-3.pdf");
        BatchPlan plan = new BatchPlan(new DocumentFinder(false, List.of("cv-*.pdf", "draft-*"), List.of("*-2.pdf")), null,
                DocumentSigner::defaultOutput);
        assertEquals(Set.of("cv-1.pdf", "draft-cv-3.pdf"), names(plan.items(List.of(dir), null), dir));
    }

    @Test
    void earlierOutputsHiddenAndTemporaryFilesAreNeverInputs() throws IOException {
        file("a.pdf");
        file("a-signed.pdf");
        file(".hidden.pdf");
        file(".a-signed.pdf.signer-123.tmp");
        file(".git/x.pdf");
        BatchPlan plan = new BatchPlan(new DocumentFinder(true, List.of("*"), List.of()), null, DocumentSigner::defaultOutput);
        List<BatchItem> items = plan.items(List.of(dir), null);
        assertEquals(Set.of("a.pdf"), names(items, dir));
        assertEquals(dir.resolve("a-signed.pdf"), items.get(0).output());
    }

    @Test
    void anOutputFolderMirrorsTheInputTreeAndIsNotScanned() throws IOException {
        file("in/a.pdf");
        file("in/2026/11/b.pdf");
        Path out = dir.resolve("in/signed");
        file("in/signed/old.pdf");
        BatchPlan plan = new BatchPlan(new DocumentFinder(true, List.of(), List.of()), out, DocumentSigner::defaultOutput);
        List<BatchItem> items = plan.items(List.of(dir.resolve("in")), null);
        assertEquals(Set.of(out.resolve("a.pdf"), out.resolve("2026/11/b.pdf")),
                items.stream().map(BatchItem::output).collect(Collectors.toSet()));
    }

    @Test
    void refusesOutputsThatCollideOrReplaceAnInput() throws IOException {
        file("x/a.pdf");
        file("y/a.pdf");
        BatchPlan flatten = new BatchPlan(new DocumentFinder(false, List.of(), List.of()), dir.resolve("out"), DocumentSigner::defaultOutput);
        SignerException collide = assertThrows(SignerException.class,
                () -> flatten.items(List.of(dir.resolve("x/a.pdf"), dir.resolve("y/a.pdf")), null));
        assertEquals(ErrorCode.USAGE, collide.code());
        BatchPlan inPlace = new BatchPlan(new DocumentFinder(false, List.of(), List.of()), dir.resolve("x"), DocumentSigner::defaultOutput);
        SignerException replace = assertThrows(SignerException.class, () -> inPlace.items(List.of(dir.resolve("x/a.pdf")), null));
        assertEquals(ErrorCode.USAGE, replace.code());
        assertTrue(replace.getMessage().contains("would replace the input"), replace.getMessage());
    }

    @Test
    void anOutputThatIsAnotherInputOfTheRunIsRefused() throws IOException {
        Path a = file("a.pdf");
        Path earlier = file("a-signed.pdf");
        BatchPlan plan = new BatchPlan(new DocumentFinder(false, List.of(), List.of()), null, DocumentSigner::defaultOutput);
        SignerException e = assertThrows(SignerException.class, () -> plan.items(List.of(a, earlier), null));
        assertEquals(ErrorCode.USAGE, e.code());
        assertTrue(e.getMessage().contains("is an input of this run"), e.getMessage());
    }

    @Test
    void singleOutputNeedsExactlyOneDocumentAndMissingPathsAreNamed() throws IOException {
        file("a.pdf");
        file("b.pdf");
        BatchPlan plan = new BatchPlan(new DocumentFinder(false, List.of(), List.of()), null, DocumentSigner::defaultOutput);
        assertEquals(ErrorCode.USAGE, assertThrows(SignerException.class,
                () -> plan.items(List.of(dir), dir.resolve("o.pdf"))).code());
        SignerException missing = assertThrows(SignerException.class, () -> plan.items(List.of(dir.resolve("nope")), null));
        assertEquals(ErrorCode.INPUT_MISSING, missing.code());
        assertTrue(missing.getMessage().contains("nope"));
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(ErrorCode.INPUT_MISSING, assertThrows(SignerException.class,
                () -> plan.items(List.of(dir.resolve("empty")), null)).code());
    }
}
