package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/** The README's "signing in stages" example compiles as it is written, and signs a VALID document. */
class ReadmeExampleTest {
    private static final Pattern EXAMPLE = Pattern.compile(
            "## signer-core: signing in stages\\n.*?```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theStagedSigningExampleCompilesAndSigns() throws Exception {
        Matcher m = EXAMPLE.matcher(Files.readString(Tools.repo().resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(m.find(), "README.md has the signing-in-stages example");
        Path source = Files.writeString(dir.resolve("StagedSigning.java"), m.group(1), StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));

        TestPki pki = TestPki.create("readme");
        TestPki.Entity signer = pki.signer("README", "TEST").issue();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> example = loader.loadClass("StagedSigning");
            Class<?> remoteKey = loader.loadClass("StagedSigning$RemoteKey");
            Object key = Proxy.newProxyInstance(loader, new Class<?>[] {remoteKey}, (proxy, method, args) -> {
                Cipher raw = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                raw.init(Cipher.ENCRYPT_MODE, signer.key());
                return raw.doFinal((byte[]) args[0]);
            });
            Path output = dir.resolve("letter-signed.pdf");
            Method sign = example.getMethod("sign", Path.class, Path.class, List.class, remoteKey);
            sign.invoke(null, Samples.pdf(dir), output, signer.chain(), key);
            VerificationReport report = DocumentVerifier.create(DemoPki.settings(pki, dir.resolve("pki"))).verify(output);
            assertEquals(Verdict.VALID, report.verdict(), report.toString());
        }
    }
}
