package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.testing.Tools;

/**
 * The packaged command as users run it: bin/signer, a separate JVM on target/signer-cli.jar. Runs
 * in 'mvn verify' (Failsafe), after the jar is built. The signed PDF is also checked by poppler's pdfsig.
 */
class SignerCommandIT {
    private static final Path SIGNER = Tools.repo().resolve("bin/signer");
    private static final Path JAR = Tools.repo().resolve("signer-cli/target/signer-cli.jar");

    @TempDir
    Path dir;

    @BeforeAll
    static void theJarIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is not built: run 'mvn verify' (or 'mvn package' before this test)");
    }

    static Tools.Result signer(Map<String, String> environment, Object... args) {
        List<String> command = new ArrayList<>(List.of(SIGNER.toString()));
        for (Object arg : args) {
            if (arg instanceof List<?> list) {
                list.forEach(a -> command.add(a.toString()));
            } else {
                command.add(arg.toString());
            }
        }
        return Tools.run(command, environment);
    }

    @Test
    void signsWithThePasswordFromTheEnvironmentAndTheSignatureVerifies() throws Exception {
        Path pdf = Cli.copy(Cli.SAMPLE_PDF, dir);
        long start = System.nanoTime();
        Tools.Result signed = signer(Map.of("SIGNER_IT_PASSWORD", Cli.demoPassword()),
                "sign", "--pkcs12", Cli.OFFICER_P12, "--pin-env", "SIGNER_IT_PASSWORD", pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("bin/signer sign (one process, wall time): " + millis + " ms");
        assertEquals(0, signed.exitCode(), signed.all());
        Path output = dir.resolve("cong-van-mau-signed.pdf");
        assertTrue(Files.isRegularFile(output), signed.all());
        assertTrue(signed.stdout().startsWith("signed " + pdf + " -> " + output), signed.all());
        assertFalse(signed.stderr().contains("WARN") || signed.stderr().contains("INFO"), "no library logs: " + signed.all());

        Tools.Result verified = signer(Map.of(), "verify", "--json", Cli.demoTrust(), output);
        assertEquals(0, verified.exitCode(), verified.all());
        JsonNode report = Json.mapper().readTree(verified.stdout().strip());
        assertEquals("VALID", report.get("verdict").asText(), verified.stdout());
        assertEquals("Đặng Thị Phượng", report.get("signatures").get(0).get("signer").get("commonName").asText());

        Path nss = Tools.nssDatabase(dir.resolve("nss"), List.of(demoRoot()));
        Tools.Result pdfsig = Tools.pdfsig(output, nss);
        assertTrue(pdfsig.stdout().contains("Signature is Valid."), pdfsig.all());
    }

    @Test
    void exitCodesAndOneLineErrorsReachTheShell() {
        Path missing = dir.resolve("khong-co.pdf");
        Tools.Result run = signer(Map.of(), "verify", Cli.demoTrust(), missing);
        assertEquals(66, run.exitCode(), run.all());
        assertEquals(List.of("signer: " + missing + ": no such file — check the path"), run.stderr().lines().toList());

        Tools.Result noPin = signer(Map.of(), "sign", "--pkcs12", Cli.OFFICER_P12, Cli.SAMPLE_PDF);
        assertEquals(77, noPin.exitCode(), "no terminal for a process without a console: " + noPin.all());

        Tools.Result version = signer(Map.of(), "--version");
        assertEquals(0, version.exitCode(), version.all());
        assertTrue(version.stdout().matches("signer \\d+\\.\\d+\\.\\d+.*\\s*"), "the project version: " + version.stdout());
    }

    /**
     * A JVM out of heap is exit 70 and one line saying how to give it more, in either language, never
     * a stack trace and exit 1 (INVALID to 'verify'), nor a document "that cannot be signed" (ImageIO
     * wraps the OutOfMemoryError). A signature image of 24.5 megapixels, under the limit, decodes to 98 MB.
     */
    @Test
    void outOfMemoryIsExit70WithHowToGiveMore() throws Exception {
        Path image = TestPngs.transparent(dir.resolve("chu-ky-lon.png"), 4900, 5000);
        Path output = dir.resolve("out.pdf");
        for (String lang : List.of("en", "vi")) {
            Tools.Result run = signer(Map.of("SIGNER_JAVA_OPTS", "-Xmx64m"), "--lang", lang, "sign", Cli.demoP12(),
                    "--appearance", "personal", "--image", image, "--x", "10", "--y", "10", "--width", "50", "--height", "20", "-o", output, Cli.SAMPLE_PDF);
            assertEquals(70, run.exitCode(), run.all());
            assertEquals(1, run.stderr().lines().count(), run.all());
            assertTrue(run.stderr().startsWith(lang.equals("en") ? "signer: the document needed more memory than the Java VM has ("
                    : "signer: lỗi: văn bản cần nhiều bộ nhớ hơn mức Java được dùng ("), run.all());
            assertTrue(run.stderr().contains("SIGNER_JAVA_OPTS=-Xmx"), run.all());
            assertFalse(Files.exists(output), run.all());
        }
    }

    private static X509Certificate demoRoot() throws Exception {
        try (InputStream in = Files.newInputStream(Cli.ROOT_PEM)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
