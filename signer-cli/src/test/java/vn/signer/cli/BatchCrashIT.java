package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.files.AtomicOutput;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * A batch of 200 documents killed with SIGKILL at random points, three times, then run to the end:
 * every output verifies with exactly one signature, no temporary file remains, no input changed.
 */
class BatchCrashIT {
    private static final int DOCUMENTS = 200;

    @TempDir
    Path dir;

    @Test
    void killedBatchesLeaveOnlyWholeOutputsAndARerunFinishes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < DOCUMENTS; i++) {
            Files.copy(Cli.SAMPLE_PDF, in.resolve(String.format("cv-%03d.pdf", i)));
        }
        Map<Path, String> hashes = hashes(in);
        Path out = dir.resolve("out");
        List<String> command = List.of(Tools.repo().resolve("bin/signer").toString(), "sign", "--pkcs12",
                Cli.OFFICER_P12.toString(), "--pin-file", Cli.DEMO_PASSWORD.toString(), "--out-dir", out.toString(),
                in.toString());
        long seed = System.nanoTime();
        Random random = new Random(seed);
        DocumentVerifier verifier = DocumentVerifier.create(DemoPki.settings());
        int killed = 0;
        for (int round = 1; round <= 3; round++) {
            int target = count(out) + 5 + random.nextInt(40);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("run-" + round + ".log").toFile()).start();
            while (process.isAlive() && count(out) < target) {
                Thread.sleep(random.nextInt(20)); // polls the folder; the random pause varies where the kill lands
            }
            boolean interrupted = process.isAlive();
            if (interrupted) {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                killed++;
            }
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "round " + round + ": the process did not end");
            int done = count(out);
            if (interrupted) {
                assertTrue(done < DOCUMENTS, "round " + round + " (seed " + seed + "): killed once every document was "
                        + "done, so the kill interrupted nothing");
            }
            // What a killed run leaves under an output's name is a whole signed document, never part of one.
            assertAllSignedOnce(out, verifier, "round " + round + " (seed " + seed + ")");
        }
        assertTrue(killed >= 1, "the batch must have been interrupted at least once");

        Tools.Result finish = Tools.run(command);
        assertEquals(0, finish.exitCode(), finish.all());
        assertEquals(DOCUMENTS, count(out));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(AtomicOutput::isTemporary).toList(), "temporary files left");
        }
        assertEquals(hashes, hashes(in), "inputs must not change");
        assertAllSignedOnce(out, verifier, "after the rerun");
    }

    private static void assertAllSignedOnce(Path out, DocumentVerifier verifier, String when) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path signed : files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList()) {
                VerificationReport report = verifier.verify(signed);
                assertEquals(Verdict.VALID, report.verdict(), when + ": " + report);
                assertEquals(1, report.signatures().size(), when + ": signed once: " + signed);
            }
        }
    }

    private static int count(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".pdf")).count();
        }
    }

    private static Map<Path, String> hashes(Path folder) throws Exception {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                hashes.put(file.getFileName(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }
}
