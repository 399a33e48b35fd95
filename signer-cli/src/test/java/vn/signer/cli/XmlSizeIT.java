package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.document.SafeXml;
import vn.signer.testing.Tools;

/**
 * An XML larger than the JVM's heap can sign or verify is refused before it is read, exit 65 with one
 * line naming its size, the limit and how to give Java more memory, never an OutOfMemoryError part way.
 * With -Xmx64m the limit is 64 MiB over {@link SafeXml#HEAP_PER_BYTE}, about 3 MB; the document is 4.7 MB.
 */
class XmlSizeIT {
    @TempDir
    Path dir;

    private static Tools.Result signer(Object... args) {
        return SignerCommandIT.signer(Map.of("SIGNER_JAVA_OPTS", "-Xmx64m"), args);
    }

    private static Path records(Path file, int megabytes) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<danh-sach>\n");
            for (int i = 0; i < megabytes * 10_000; i++) {
                out.write("  <ho-so so=\"" + i + "\"><ten>Nguyễn Văn An</ten><noi-dung>" + "x".repeat(40) + "</noi-dung></ho-so>\n");
            }
            out.write("</danh-sach>\n");
        }
        return file;
    }

    @Test
    void anXmlPastTheHeapIsExit65WithTheLimit() throws Exception {
        Path xml = records(dir.resolve("ho-so.xml"), 4);
        Path output = dir.resolve("ho-so-signed.xml");
        Tools.Result en = signer("--lang", "en", "sign", Cli.demoP12(), xml);
        assertEquals(65, en.exitCode(), en.all());
        assertEquals(1, en.stderr().lines().count(), en.all());
        assertTrue(en.stderr().matches("signer: " + xml + ": the XML is 4(\\.\\d)? MB, more than the \\d+(\\.\\d)? MB this process can "
                + "sign or verify with \\d+(\\.\\d)? MB of memory .*\\s*"), en.all());
        assertTrue(en.stderr().contains("SIGNER_JAVA_OPTS=-Xmx"), en.all());
        assertFalse(Files.exists(output), en.all());

        Tools.Result vi = signer("--lang", "vi", "sign", Cli.demoP12(), xml);
        assertEquals(65, vi.exitCode(), vi.all());
        assertTrue(vi.stderr().matches("signer: lỗi: " + xml + ": tệp XML 4(,\\d)? MB, vượt giới hạn \\d+(,\\d)? MB .*\\s*"), vi.all());
        assertTrue(vi.stderr().contains("SIGNER_JAVA_OPTS=-Xmx"), vi.all());

        Tools.Result verify = signer("--lang", "en", "verify", Cli.demoTrust(), xml);
        assertEquals(65, verify.exitCode(), verify.all());
        assertTrue(verify.stderr().contains("MB, more than the "), verify.all());
    }
}
