package vn.signer.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.BadDocuments;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.verify.DocumentVerifier;

/**
 * Documents signer must refuse, with a clear error naming the file, leaving nothing behind, and (for XML)
 * without ever following a DTD or an external entity: a loopback HTTP server counts what it is asked.
 */
class BadInputTest {
    private static final String SECRET = "bí mật: không được đọc";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private Pkcs12KeySource p12;
    private DocumentSigner signer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leaked \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        p12 = DemoPki.openP12(DemoPki.officerP12());
        signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        p12.close();
    }

    @Test
    void anEmptyFileIsBadInput() throws IOException {
        Path empty = Files.createFile(dir.resolve("rong.pdf"));
        assertRefused(empty, ErrorCode.BAD_INPUT, "empty");
    }

    @Test
    void aPngNamedPdfIsBadInputAndSaysWhatItIs() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("anh.pdf"), png);
        assertRefused(file, ErrorCode.BAD_INPUT, "PNG");
    }

    @Test
    void aTruncatedPdfIsBadInput() throws IOException {
        Path file = BadDocuments.truncatedPdf(dir.resolve("cut.pdf"));
        assertRefused(file, ErrorCode.BAD_INPUT, "truncated");
    }

    @Test
    void aPasswordProtectedPdfIsNotSignable() throws IOException {
        Path file = BadDocuments.encryptedPdf(dir.resolve("encrypted.pdf"));
        assertRefused(file, ErrorCode.NOT_SIGNABLE, "password");
    }

    @Test
    void xmlWithADoctypeIsBadInput() throws IOException {
        Path file = write("dtd.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE HoSo [<!ELEMENT HoSo (#PCDATA)>]>
                <HoSo>Nguyễn Văn Hùng</HoSo>
                """);
        assertRefused(file, ErrorCode.BAD_INPUT, "DOCTYPE");
    }

    @Test
    void xmlWithAnExternalEntityOnAFileIsRefusedWithoutReadingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path file = write("xxe-file.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE HoSo [<!ENTITY xxe SYSTEM "%s">]>
                <HoSo>&xxe;</HoSo>
                """.formatted(secret.toUri()));
        assertRefused(file, ErrorCode.BAD_INPUT, "DOCTYPE");
        assertRefusedByVerifier(file);
    }

    @Test
    void xmlWithExternalEntitiesOnHttpIsRefusedWithoutAnyRequest() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<Path> files = List.of(
                write("xxe-http.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE HoSo [<!ENTITY xxe SYSTEM "%s/entity">]>
                        <HoSo>&xxe;</HoSo>
                        """.formatted(base)),
                write("xxe-parameter.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE HoSo [<!ENTITY %% remote SYSTEM "%s/parameter"> %%remote;]>
                        <HoSo>&leaked;</HoSo>
                        """.formatted(base)),
                write("external-dtd.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE HoSo SYSTEM "%s/hoso.dtd">
                        <HoSo>Nguyễn Văn Hùng</HoSo>
                        """.formatted(base)));
        for (Path file : files) {
            assertRefused(file, ErrorCode.BAD_INPUT, "DOCTYPE");
            assertRefusedByVerifier(file);
        }
        assertEquals(0, requests.get(), "signer must never fetch a DTD or an entity");
    }

    @Test
    void notWellFormedXmlIsBadInputAndSaysWhere() throws IOException {
        Path file = write("broken.xml", "<?xml version=\"1.0\"?>\n<HoSo><MaHoSo>1</HoSo>\n");
        SignerException e = assertRefused(file, ErrorCode.BAD_INPUT, "line 2");
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
    }

    @Test
    void notWellFormedXmlIsNotToldToRemoveADoctype() throws IOException {
        Path file = write("broken-hint.xml", "<HoSo><MaHoSo>1</HoSo>");
        SignerException e = assertRefused(file, ErrorCode.BAD_INPUT, "not well-formed");
        assertFalse((e.getMessage() + e.hint()).contains("DOCTYPE"), e.getMessage() + " / " + e.hint());
    }

    @Test
    void xmlNestedTooDeepIsRefusedBySigningAndVerifyingWithTheLimitNamed() throws IOException {
        // 100,000 levels ends DSS's and Santuario's recursion (StackOverflowError); the parse refuses it first.
        Path file = write("deep.xml", "<a>".repeat(100_000) + "</a>".repeat(100_000));
        assertRefused(file, ErrorCode.BAD_INPUT, "at most " + SafeXml.MAX_DEPTH + " elements deep");
        assertRefusedByVerifier(file);
        Path justInside = write("deep-ok.xml", "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH));
        SafeXml.parse(justInside);
    }

    @Test
    void anElementWithTooManyAttributesIsRefused() throws IOException {
        StringBuilder xml = new StringBuilder("<a");
        for (int i = 0; i <= SafeXml.MAX_ATTRIBUTES; i++) {
            xml.append(" x").append(i).append("='1'");
        }
        Path file = write("attributes.xml", xml.append("/>").toString());
        assertRefused(file, ErrorCode.BAD_INPUT, SafeXml.MAX_ATTRIBUTES + " attributes");
        assertRefusedByVerifier(file);
    }

    @Test
    void aMissingInputIsInputMissing() {
        Path missing = dir.resolve("khong-co.pdf");
        assertRefused(missing, ErrorCode.INPUT_MISSING, "no such file");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Signing {@code input} fails with {@code code} and a message naming the file and saying {@code words}. */
    private SignerException assertRefused(Path input, ErrorCode code, String words) {
        Set<String> before = names();
        Path output = dir.resolve("out-" + input.getFileName());
        SignerException e = assertThrows(SignerException.class, () -> signer.sign(input, output, false), input.toString());
        assertEquals(code, e.code(), input + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(input.toString()), "the message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(words), "the message says '" + words + "': " + e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "the message must not leak a referenced file");
        assertFalse(Files.exists(output), "no output for " + input);
        Samples.assertNoTemporaryFiles(dir);
        assertEquals(before, names(), "nothing written");
        return e;
    }

    private void assertRefusedByVerifier(Path input) {
        SignerException e = assertThrows(SignerException.class,
                () -> DocumentVerifier.create(DemoPki.settings()).verify(input), input.toString());
        assertEquals(ErrorCode.BAD_INPUT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(input.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    private Set<String> names() {
        try (var files = Files.list(dir)) {
            return Set.copyOf(files.map(f -> f.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
