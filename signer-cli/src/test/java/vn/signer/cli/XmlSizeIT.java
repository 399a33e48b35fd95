package vn.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.document.SafeXml;
import vn.signer.testing.Tools;

/**
 * An XML larger than the JVM's heap holds as a tree (with -Xmx64m, 64 MiB over {@link SafeXml#HEAP_PER_BYTE},
 * about 3 MB) is signed enveloped and verified by streaming, in that heap, in a JVM of its own: a 20 MB
 * record set signs, verifies VALID and is accepted by xmlsec1, and one byte of its text changed makes it
 * INVALID. What the streaming path does not take (enveloping packaging, two signatures, a signature as
 * large as a document) is refused, exit 65 with one line saying why, never an OutOfMemoryError part way.
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
    @Tag("slow")
    @Tag("native")
    void a20MegabyteXmlIsSignedAndVerifiedIn64MegabytesOfHeap() throws Exception {
        Path xml = records(dir.resolve("ho-so.xml"), 20);
        Path signed = dir.resolve("ho-so-signed.xml");
        Tools.Result sign = signer("--lang", "en", "sign", Cli.demoP12(), xml, "-o", signed);
        assertEquals(0, sign.exitCode(), sign.all());
        Tools.Result verify = signer("--lang", "en", "verify", Cli.demoTrust(), signed);
        assertEquals(0, verify.exitCode(), verify.all());
        assertTrue(verify.stdout().contains("VALID"), verify.all());
        Tools.Result xmlsec1 = Tools.xmlsec1Verify(signed, Cli.ROOT_PEM, Cli.DEMO_PKI.resolve("issuing-ca.pem"));
        assertEquals(0, xmlsec1.exitCode(), xmlsec1.all());

        // The 'A' of a name in the middle of the document becomes 'B'.
        try (RandomAccessFile file = new RandomAccessFile(signed.toFile(), "rw")) {
            long at = file.length() / 2;
            byte[] window = new byte[200];
            file.seek(at);
            file.readFully(window);
            int name = new String(window, StandardCharsets.ISO_8859_1).indexOf("An</ten>");
            file.seek(at + name);
            file.write('B');
        }
        Tools.Result tampered = signer("--lang", "en", "verify", Cli.demoTrust(), signed);
        assertEquals(1, tampered.exitCode(), tampered.all());
        assertTrue(tampered.stdout().contains("INVALID"), tampered.all());
    }

    @Test
    void anXmlPastTheHeapIsExit65WhereItCannotBeStreamed() throws Exception {
        Path xml = records(dir.resolve("ho-so.xml"), 4);
        Path output = dir.resolve("ho-so-signed.xml");
        Tools.Result en = signer("--lang", "en", "sign", Cli.demoP12(), "--xml-packaging", "ENVELOPING", xml);
        assertEquals(65, en.exitCode(), en.all());
        assertEquals(1, en.stderr().lines().count(), en.all());
        assertTrue(en.stderr().matches("signer: " + xml + ": the XML is 4(\\.\\d)? MB, more than the \\d+(\\.\\d)? MB this process can "
                + "sign or verify with \\d+(\\.\\d)? MB of memory .*\\s*"), en.all());
        assertTrue(en.stderr().contains("SIGNER_JAVA_OPTS=-Xmx"), en.all());
        assertFalse(Files.exists(output), en.all());

        Tools.Result vi = signer("--lang", "vi", "sign", Cli.demoP12(), "--xml-packaging", "ENVELOPING", xml);
        assertEquals(65, vi.exitCode(), vi.all());
        assertTrue(vi.stderr().matches("signer: lỗi: " + xml + ": tệp XML 4(,\\d)? MB, vượt giới hạn \\d+(,\\d)? MB .*\\s*"), vi.all());
        assertTrue(vi.stderr().contains("SIGNER_JAVA_OPTS=-Xmx"), vi.all());

        // Two signatures in it: the streaming verification takes one, a child of the root.
        String one = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>";
        Path two = Files.writeString(dir.resolve("two.xml"), Files.readString(xml).replace("</danh-sach>", one + one + "</danh-sach>"));
        Tools.Result verify = signer("--lang", "en", "verify", Cli.demoTrust(), two);
        assertEquals(65, verify.exitCode(), verify.all());
        assertTrue(verify.stderr().contains("holds 2 signature(s), 2 of them directly in the root"), verify.all());

        // One signature stuffed with 4 MB: its tree would be as large as the document's, and is refused as one.
        String stuffed = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/><ds:Object>"
                + "x".repeat(4_000_000) + "</ds:Object></ds:Signature>";
        Path big = Files.writeString(dir.resolve("big.xml"), Files.readString(xml).replace("</danh-sach>", stuffed + "</danh-sach>"));
        Tools.Result refused = signer("--lang", "en", "verify", Cli.demoTrust(), big);
        assertEquals(65, refused.exitCode(), refused.all());
        assertTrue(refused.stderr().contains("MB, more than the "), refused.all());
    }
}
