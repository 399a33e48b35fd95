package vn.signer.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.AbstractKeyStoreTokenConnection;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.pdfbox.io.RandomAccessInputStream;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import vn.signer.batch.BatchItem;
import vn.signer.batch.BatchRunner;
import vn.signer.batch.BatchSummary;
import vn.signer.certs.CertificateFiles;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.TokenInfo;
import vn.signer.keys.TokenSelector;
import vn.signer.largexml.LargeXml;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.LargePdf;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.Verdict;
import vn.signer.verify.VerificationSettings;

/**
 * The benchmarks of issue 4, each against a naive baseline in the same run on the same inputs: a
 * single-threaded loop over DSS's PAdES service doing B-B, as DSS's documentation shows it. Prints its
 * figures; run it with bench/run.sh, never as a test.
 *
 * <pre>
 * batch p12|token DOCS ROUNDS   N one-page PDFs, naive loop vs signer's batch, medians of ROUNDS
 * large MB ROUNDS               one large PDF, warm, naive vs signer, medians
 * large-once FILE               signs FILE once and prints the peak heap (run in a JVM with -Xmx64m)
 * xml-make MB FILE              writes an XML record set of about MB megabytes (a million bytes each)
 * xml-once sign|verify FILE     signs FILE (into FILE-signed.xml, kept) or verifies it once, prints the time and the
 *                               peak heap; bench/xml-heap.sh runs it in JVMs of several -Xmx to find the least that does
 * naive-once FILE OUT           signs FILE once the naive way (for the cold-start comparison)
 * verify N [THREADS]            verifies the signed sample N/2 times to warm up, then N/2 times in each of THREADS
 *                               threads at once (default 1); prints the median and the rate
 * sign N                        signs the sample N times in one thread with the organisation key, prints the median
 *                               wall and thread-CPU time of the last half
 * </pre>
 */
public final class Bench {
    private static final char[] P12_PASSWORD = "demo1234".toCharArray();
    /** The batch benchmark signs with the organisation's RSA-2048 key, as batch jobs do (issue 4). */
    private static final String BATCH_KEY = "organisation";
    private static final char[] TOKEN_PIN = "123456".toCharArray();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: batch p12|token DOCS ROUNDS | large MB ROUNDS | large-once FILE"
                    + " | naive-once FILE OUTDIR | verify N [THREADS] | sign N | xml-make MB FILE | xml-once sign|verify FILE");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path repo = Path.of(System.getProperty("signer.repo", "."));
        switch (args[0]) {
            case "batch" -> batch(repo, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "large" -> large(repo, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "large-once" -> largeOnce(repo, Path.of(args[1]));
            case "xml-make" -> xmlMake(Integer.parseInt(args[1]), Path.of(args[2]));
            case "xml-once" -> xmlOnce(repo, args[1], Path.of(args[2]));
            case "verify" -> verify(repo, Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            case "sign" -> signOne(repo, Integer.parseInt(args[1]));
            case "naive-once" -> {
                try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(officerP12(repo).toFile(),
                        new KeyStore.PasswordProtection(P12_PASSWORD))) {
                    Path out = Path.of(args[2]);
                    naiveLoop(List.of(Path.of(args[1])), out, token, token.getKeys().get(0));
                }
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static Path sample(Path repo) {
        return repo.resolve("samples/documents/cong-van-mau.pdf");
    }

    private static Path organisationP12(Path repo) {
        return repo.resolve("samples/demo-pki/organisation.p12");
    }

    private static Path officerP12(Path repo) {
        return repo.resolve("samples/demo-pki/officer.p12");
    }

    private static void batch(Path repo, String keyKind, int docs, int rounds) throws Exception {
        Path work = Files.createTempDirectory("signer-bench-");
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            inputs.add(Files.copy(sample(repo), work.resolve(String.format("cv-%05d.pdf", i))));
        }
        double[] naive = new double[rounds];
        double[] ours = new double[rounds];
        try (AbstractKeyStoreTokenConnection dssToken = dssToken(repo, keyKind);
             KeySource source = ourKeys(repo, keyKind)) {
            DSSPrivateKeyEntry dssKey = dssToken.getKeys().stream()
                    .filter(k -> k instanceof KSPrivateKeyEntry entry && entry.getAlias().equals(BATCH_KEY)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no key '" + BATCH_KEY + "' for DSS"));
            DocumentSigner signer = DocumentSigner.create(source.key(KeySelector.label(BATCH_KEY)), SignatureOptions.defaults());
            int jobs = Integer.getInteger("bench.jobs", BatchRunner.defaultJobs());
            for (int round = 0; round < rounds; round++) {
                Path naiveOut = Files.createDirectories(work.resolve("naive-" + round));
                long start = System.nanoTime();
                naiveLoop(inputs, naiveOut, dssToken, dssKey);
                naive[round] = docs / ((System.nanoTime() - start) / 1e9);

                Path ourOut = work.resolve("ours-" + round);
                List<BatchItem> items = inputs.stream().map(p -> new BatchItem(p, ourOut.resolve(p.getFileName()))).toList();
                BatchSummary summary = new BatchRunner(signer::sign, signer::isSignedCopy, jobs, false).run(items, r -> { });
                if (!summary.failed().isEmpty()) {
                    throw new IllegalStateException("batch failures: " + summary.failed());
                }
                ours[round] = summary.rate();
                System.out.printf("  round %d: naive %.0f docs/s, signer %.0f docs/s%n", round + 1, naive[round], ours[round]);
            }
        }
        double n = median(naive);
        double o = median(ours);
        System.out.printf("batch %s: %d one-page PDFs, PAdES-B-B, %d cores, %d jobs: naive loop %.0f docs/s, signer %.0f "
                + "docs/s, ratio %.2fx (medians of %d rounds)%n", keyKind, docs, Runtime.getRuntime().availableProcessors(),
                Integer.getInteger("bench.jobs", BatchRunner.defaultJobs()), n, o, o / n, rounds);
        deleteTree(work);
    }

    private static void naiveLoop(List<Path> inputs, Path out, AbstractKeyStoreTokenConnection token, DSSPrivateKeyEntry key)
            throws IOException {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        for (Path input : inputs) {
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            DSSDocument document = new FileDocument(input.toFile());
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(toBeSigned, DigestAlgorithm.SHA256, key);
            service.signDocument(document, parameters, value).save(out.resolve(input.getFileName()).toString());
        }
    }

    private static AbstractKeyStoreTokenConnection dssToken(Path repo, String keyKind) throws IOException {
        if (keyKind.equals("p12")) {
            return new Pkcs12SignatureToken(organisationP12(repo).toFile(), new KeyStore.PasswordProtection(P12_PASSWORD));
        }
        TokenInfo token = demoToken();
        return new Pkcs11SignatureToken(softHsmModule().toString(), new KeyStore.PasswordProtection(TOKEN_PIN), (int) token.slotId());
    }

    private static KeySource ourKeys(Path repo, String keyKind) {
        if (keyKind.equals("p12")) {
            return Pkcs12KeySource.open(organisationP12(repo), r -> P12_PASSWORD.clone());
        }
        // SoftHSM2 is a software HSM: it takes as many signatures at once as there are cores.
        return Pkcs11KeySource.open(softHsmModule(), TokenSelector.label("signer-demo"), r -> TOKEN_PIN.clone(),
                Runtime.getRuntime().availableProcessors());
    }

    private static TokenInfo demoToken() {
        return Pkcs11KeySource.tokens(softHsmModule()).stream().filter(t -> t.label().equals("signer-demo")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'signer-demo' token: bench/run.sh creates it"));
    }

    private static Path softHsmModule() {
        return Path.of(System.getProperty("softhsm.module", "/usr/lib/softhsm/libsofthsm2.so"));
    }

    private static void large(Path repo, int megabytes, int rounds) throws Exception {
        Path work = Files.createTempDirectory("signer-bench-large-");
        Path input = LargePdf.write(work.resolve("large.pdf"), megabytes * 1_000_000L);
        double[] naive = new double[rounds];
        double[] ours = new double[rounds];
        double[] hash = new double[rounds];
        double[] copy = new double[rounds];
        double[] paged = new double[rounds];
        try (Pkcs12SignatureToken dssToken = new Pkcs12SignatureToken(officerP12(repo).toFile(),
                new KeyStore.PasswordProtection(P12_PASSWORD));
             KeySource source = Pkcs12KeySource.open(officerP12(repo), r -> P12_PASSWORD.clone())) {
            DSSPrivateKeyEntry dssKey = dssToken.getKeys().get(0);
            DocumentSigner signer = DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults());
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                Path out = Files.createDirectories(work.resolve("out"));
                double naiveMs = millis(() -> naiveLoop(List.of(input), out, dssToken, dssKey));
                Files.delete(out.resolve("large.pdf"));
                double ourMs = millis(() -> signer.sign(input, out.resolve("large.pdf"), false));
                Files.delete(out.resolve("large.pdf"));
                double hashMs = millis(() -> sha256(input));
                double copyMs = millis(() -> durableCopy(input, out.resolve("copy.pdf")));
                Files.delete(out.resolve("copy.pdf"));
                double pagedMs = millis(() -> readAsPdfBoxDoes(input));
                if (round >= 0) {
                    naive[round] = naiveMs;
                    ours[round] = ourMs;
                    hash[round] = hashMs;
                    copy[round] = copyMs;
                    paged[round] = pagedMs;
                    System.out.printf("  round %d: naive %.0f ms, signer %.0f ms; SHA-256 alone %.0f ms, copy and fsync alone %.0f ms, "
                            + "one read through PDFBox's file reader %.0f ms%n", round + 1, naiveMs, ourMs, hashMs, copyMs, pagedMs);
                }
            }
        }
        System.out.printf("large: one %d MB PDF, PAdES-B-B, warm: naive %.0f ms, signer %.0f ms (medians of %d rounds)%n",
                megabytes, median(naive), median(ours), rounds);
        // A signer must hash every byte of the file (the signature's digest covers it all) and write a
        // durable copy of it (the output is the input plus the signature): no signer is faster than both.
        System.out.printf("large: the floor on this machine: SHA-256 of the %d MB alone %.0f ms, a copy of it written "
                + "and fsynced alone %.0f ms (medians; the input in the page cache)%n", megabytes, median(hash), median(copy));
        // DSS hands PDFBox the file itself, and PDFBox reads it twice while signing (once to hash the
        // byte ranges, once to copy it into the output) through its paged file reader.
        System.out.printf("large: one read of the %d MB through PDFBox's file reader, as DSS has PDFBox read it: %.0f ms "
                + "(median)%n", megabytes, median(paged));
        deleteTree(work);
    }

    private static void largeOnce(Path repo, Path input) throws Exception {
        try (KeySource source = Pkcs12KeySource.open(officerP12(repo), r -> P12_PASSWORD.clone())) {
            DocumentSigner signer = DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults());
            Path output = input.resolveSibling("large-once-signed.pdf");
            long start = System.nanoTime();
            signer.sign(input, output, true);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("large-once: %d MB signed in %d ms with -Xmx%d MB; peak heap used %.1f MB%n",
                    Files.size(input) / 1_000_000, ms, Runtime.getRuntime().maxMemory() / 1024 / 1024, peak / 1024.0 / 1024.0);
            Files.delete(output);
        }
    }

    /** A record set like an agency's export: many small records of a few Vietnamese text fields. */
    private static void xmlMake(int megabytes, Path file) throws IOException {
        long target = megabytes * 1_000_000L;
        try (java.io.Writer out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<danh-sach xmlns=\"urn:vn:signer:bench\">\n");
            long written = 80;
            for (int i = 0; written < target; i++) {
                String record = "  <ho-so so=\"" + i + "\"><ten>Nguyễn Văn An " + i + "</ten><dia-chi>Số " + i % 500
                        + " đường Lê Lợi, phường Bến Thành, Quận 1</dia-chi><ngay>2026-12-0" + (1 + i % 9)
                        + "</ngay><noi-dung>Đề nghị cấp giấy chứng nhận đăng ký kinh doanh lần " + i % 7 + "</noi-dung></ho-so>\n";
                out.write(record);
                written += record.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            out.write("</danh-sach>\n");
        }
    }

    private static void xmlOnce(Path repo, String what, Path input) throws Exception {
        long start = System.nanoTime();
        String outcome;
        if (what.equals("sign")) {
            try (KeySource source = Pkcs12KeySource.open(officerP12(repo), r -> P12_PASSWORD.clone())) {
                DocumentSigner signer = DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults());
                signer.sign(input, input.resolveSibling(input.getFileName().toString().replace(".xml", "-signed.xml")), true);
                outcome = "signed";
            }
        } else {
            Path pki = repo.resolve("samples/demo-pki");
            DocumentVerifier verifier = DocumentVerifier.create(VerificationSettings.builder()
                    .trust(CertificateFiles.read(List.of(pki.resolve("root-ca.pem"))))
                    .crlFiles(List.of(pki.resolve("root.crl"), pki.resolve("issuing-ca.crl"))).offline(true).build());
            outcome = verifier.verify(input).verdict().toString();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("xml-once %s: %.1f MB %s in %d ms with -Xmx%d MB (%s path); peak heap used %.1f MB, peak RSS %s%n", what,
                Files.size(input) / 1e6, outcome, ms, Runtime.getRuntime().maxMemory() / 1024 / 1024,
                LargeXml.isLarge(input) ? "streaming" : "tree", peak / 1024.0 / 1024.0, peakRss());
    }

    /** The process's peak resident set (Linux's VmHWM), heap, JIT, classes and native buffers together. */
    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> String.format("%.1f MB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0)).findFirst().orElse("unknown");
    }

    private static void verify(Path repo, int times, int threads) throws Exception {
        Path work = Files.createTempDirectory("signer-bench-verify-");
        Path input = Files.copy(sample(repo), work.resolve("one.pdf"));
        Path signed = work.resolve("one-signed.pdf");
        try (KeySource source = Pkcs12KeySource.open(officerP12(repo), r -> P12_PASSWORD.clone())) {
            DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults()).sign(input, signed, false);
        }
        Path pki = repo.resolve("samples/demo-pki");
        DocumentVerifier verifier = DocumentVerifier.create(VerificationSettings.builder()
                .trust(CertificateFiles.read(List.of(pki.resolve("root-ca.pem"))))
                .crlFiles(List.of(pki.resolve("root.crl"), pki.resolve("issuing-ca.crl"))).offline(true).build());
        // The first half warms the JIT up in one thread; the second half runs in every thread at once.
        int measured = times / 2;
        verifyTimes(verifier, signed, times - measured);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] millis = new double[threads * measured];
        double seconds;
        try {
            long start = System.nanoTime();
            List<Future<double[]>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> verifyTimes(verifier, signed, measured)));
            }
            for (int t = 0; t < threads; t++) {
                System.arraycopy(runs.get(t).get(), 0, millis, t * measured, measured);
            }
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("verify: the signed one-page sample, offline with CRL files, %d thread(s) at once: median %.1f ms "
                + "per verification, %.1f verifications/s (%d each after %d to warm up)%n",
                threads, median(millis), threads * measured / seconds, measured, times - measured);
        deleteTree(work);
    }

    private static double[] verifyTimes(DocumentVerifier verifier, Path signed, int times) {
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            if (verifier.verify(signed).verdict() != Verdict.VALID) {
                throw new IllegalStateException("the sample does not verify VALID");
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static void signOne(Path repo, int times) throws Exception {
        Path work = Files.createTempDirectory("signer-bench-sign-");
        Path input = Files.copy(sample(repo), work.resolve("one.pdf"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[times / 2];
        double[] cpu = new double[times / 2];
        try (KeySource source = Pkcs12KeySource.open(organisationP12(repo), r -> P12_PASSWORD.clone())) {
            DocumentSigner signer = DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults());
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                signer.sign(input, work.resolve("one-signed.pdf"), true);
                int kept = i - (times - wall.length);
                if (kept >= 0) {
                    wall[kept] = (System.nanoTime() - start) / 1e6;
                    cpu[kept] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
                }
            }
        }
        System.out.printf("sign: the one-page sample, PAdES-B-B, organisation key, one thread: median %.2f ms wall, "
                + "%.2f ms CPU over the last %d of %d runs%n", median(wall), median(cpu), wall.length, times);
        deleteTree(work);
    }

    /** How long {@code step} takes, in milliseconds. */
    private static double millis(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        digest.digest();
    }

    /**
     * Reads {@code file} through PDFBox's paged file reader in 8 KB blocks, as DSS's digest loop reads a
     * document DSS gave PDFBox as a file.
     */
    private static void readAsPdfBoxDoes(Path file) throws IOException {
        byte[] block = new byte[8192];
        try (RandomAccessReadBufferedFile pages = new RandomAccessReadBufferedFile(file.toFile());
             InputStream in = new RandomAccessInputStream(pages)) {
            while (in.read(block) > 0) {
                // only the reading is measured
            }
        }
    }

    private static void durableCopy(Path from, Path to) throws IOException {
        Files.copy(from, to);
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
