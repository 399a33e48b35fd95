package vn.signer.largexml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.signer.document.SafeXml;

/**
 * The streamed canonical form against Santuario's canonicalizer on a tree of the same document with its
 * signature removed (what the enveloped-signature transform leaves), for each canonicalization, on
 * documents that exercise what C14N specifies: namespace declarations inherited, redeclared, undeclared
 * and unused, attribute order, escaping, comments and processing instructions around the root, CDATA.
 */
class CanonicalXmlTest {
    private static final String TRICKY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<?first pi?>\n<!-- before the root -->\n"
            + "<r:goc xmlns:r=\"urn:r\" xmlns=\"urn:default\" xmlns:unused=\"urn:unused\" b=\"2\" a=\"1\" r:z=\"3\" xml:lang=\"vi\">\n"
            + "  <con xmlns=\"\" thuộc-tính=\"Nguyễn &amp; &lt;Văn&gt; &quot;An&quot;&#9;tab&#10;nl&#13;cr 'x'\">Số 1 &amp; 2 &lt; 3 &gt; 0&#13;\r\n</con>\n"
            + "  <a:b xmlns:a=\"urn:a\" xmlns:r=\"urn:r\" a:y=\"1\" x=\"2\" xmlns:c=\"urn:c\" c:w=\"0\"><a:c xmlns:a=\"urn:a2\"/><d/></a:b>\n"
            + "  <e xmlns=\"urn:default\"><![CDATA[ <không phải thẻ> & ]]>text<!-- inside --><?pi inside?></e>\n"
            + "  <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>left out</ds:SignedInfo></ds:Signature>\n"
            + "  <f>😀 ký tự ngoài BMP</f>\n"
            + "</r:goc>\n<!-- after -->\n<?last?>\n";
    private static final String PLAIN = "<danh-sach xmlns=\"urn:vn:signer:bench\">\n  <ho-so so=\"1\"><ten>Nguyễn Văn An</ten></ho-so>\n</danh-sach>";

    @TempDir
    Path dir;

    static List<String> methods() {
        return List.of(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS,
                Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N11_WITH_COMMENTS,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void theStreamedDigestIsSantuariosCanonicalFormsWithoutTheSignature(String method) throws Exception {
        // A reference to "" selects the document without comments: #WithComments then writes none either.
        String withoutComments = method.replace("#WithComments", "").replace("exc-c14n", "exc-c14n#").replace("##", "#");
        for (String xml : List.of(TRICKY, PLAIN)) {
            Path file = Files.writeString(dir.resolve("doc.xml"), xml, StandardCharsets.UTF_8);
            assertEquals(hex(santuario(file, withoutComments)), hex(LargeXml.digest(file, method, "SHA-256", Set.of()).value()), xml);
        }
    }

    @Test
    void theStandInIsTheRootHoldingOnlyItsSignatureWithComments() throws Exception {
        Path file = Files.writeString(dir.resolve("doc.xml"), TRICKY, StandardCharsets.UTF_8);
        LargeXml.StandIn standIn = LargeXml.standIn(file);
        assertEquals("<r:goc xmlns=\"urn:default\" xmlns:r=\"urn:r\" xmlns:unused=\"urn:unused\" a=\"1\" b=\"2\" xml:lang=\"vi\" r:z=\"3\">"
                + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>left out</ds:SignedInfo></ds:Signature>"
                + "</r:goc>", new String(standIn.xml(), StandardCharsets.UTF_8));
        assertEquals(1, standIn.signatures());
        assertEquals(1, standIn.signaturesUnderRoot());
        assertEquals("r:goc", standIn.rootName());
    }

    private static byte[] santuario(Path file, String method) throws Exception {
        org.apache.xml.security.Init.init();
        Document document = SafeXml.parse(file);
        NodeList signatures = document.getElementsByTagNameNS(CanonicalXml.DS, "Signature");
        for (int i = signatures.getLength() - 1; i >= 0; i--) {
            Node signature = signatures.item(i);
            signature.getParentNode().removeChild(signature);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(method).canonicalizeSubtree(document, out);
        return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
