package vn.signer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent tools the tests check signer's output with (poppler's pdfsig, xmlsec1,
 * OpenSSL, NSS's certutil, SoftHSM2's and OpenSC's utilities). A missing tool fails the test: the
 * test command installs them, and a check that silently does not run is no check.
 */
public final class Tools {
    private Tools() {
    }

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    /** The repository's root folder (set by Surefire from Maven's multi-module directory). */
    public static Path repo() {
        String repo = System.getProperty("signer.repo");
        if (repo == null) {
            throw new IllegalStateException("system property signer.repo is not set; run the tests through Maven");
        }
        return Paths.get(repo);
    }

    public static Path sample(String relative) {
        return repo().resolve("samples").resolve(relative);
    }

    public static Result run(List<String> command) {
        return run(command, Map.of());
    }

    public static Result run(List<String> command, Map<String, String> environment) {
        return run(command, environment, Duration.ofSeconds(120));
    }

    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + timeout.toSeconds() + " s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (is it installed? scripts/test.sh installs it): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * {@code command} as cron or systemd start it: under {@code env -i}, with nothing in its environment
     * but PATH and {@code environment} (NAME=VALUE each).
     */
    public static Result runWithoutEnvironment(List<String> environment, List<String> command) {
        List<String> all = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH")));
        all.addAll(environment);
        all.addAll(command);
        return run(all);
    }

    /**
     * Fails unless this JVM encodes arguments and file names as UTF-8 (it takes that from the locale it
     * runs in): a test passing Vietnamese arguments to a command needs it.
     */
    public static void requireUtf8Jvm() {
        if (!"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            throw new AssertionError("this test passes Vietnamese arguments and file names to the commands it runs, "
                    + "but this JVM encodes them as " + System.getProperty("sun.jnu.encoding")
                    + ": run the tests under a UTF-8 locale (LC_ALL=C.UTF-8)");
        }
    }

    /**
     * An NSS database trusting {@code roots}, for pdfsig's certificate validation.
     */
    public static Path nssDatabase(Path folder, Collection<X509Certificate> roots) {
        try {
            Files.createDirectories(folder);
            check(run(List.of("certutil", "-N", "-d", "sql:" + folder, "--empty-password")), "certutil -N");
            int n = 0;
            for (X509Certificate root : roots) {
                Path pem = folder.resolve("root" + n + ".pem");
                Files.writeString(pem, TestPki.pem(root));
                // pdfsig checks signer certificates for S/MIME signing: "C,," (SSL only) leaves the root untrusted.
                check(run(List.of("certutil", "-A", "-d", "sql:" + folder, "-n", "root" + n++, "-t", "C,C,C", "-i", pem.toString())),
                        "certutil -A");
            }
            return folder;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** pdfsig's verdict on a file, trusting the NSS database's roots; never online. */
    public static Result pdfsig(Path pdf, Path nssDatabase) {
        List<String> command = new ArrayList<>(List.of("pdfsig", "-no-ocsp", "-nssdir", "sql:" + nssDatabase, pdf.toString()));
        return run(command);
    }

    /** xmlsec1's verdict on an XAdES file (which needs the SignedProperties Id declared). */
    public static Result xmlsec1Verify(Path xml, Path trustedPem, Path untrustedPem) {
        return run(List.of("xmlsec1", "--verify", "--trusted-pem", trustedPem.toString(),
                "--untrusted-pem", untrustedPem.toString(),
                "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", xml.toString()));
    }

    public static void check(Result result, String what) {
        if (result.exitCode() != 0) {
            throw new AssertionError(what + " failed (" + result.exitCode() + "): " + result.all());
        }
    }
}
