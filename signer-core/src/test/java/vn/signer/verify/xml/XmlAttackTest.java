package vn.signer.verify.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.signer.testing.DemoPki;
import vn.signer.testing.TestPki;
import vn.signer.testing.XmlCorpus;
import vn.signer.testing.XmlDsig;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.Verdict;
import vn.signer.verify.VerificationReport;

/** XML attacks beyond the corpus: unsigned lookalikes in a signature's own ds:Object, signature moved first, CDATA splits. */
@Tag("native")
class XmlAttackTest {
    private static final String HOSO_NS = "urn:signer:test:hoso";
    private static final String HOSO = "<HoSo xmlns=\"urn:signer:test:hoso\" Id=\"hoso\"><NguoiNop>Nguyễn Văn Hùng</NguoiNop>"
            + "<SoTien>1000000</SoTien></HoSo>";

    @TempDir
    static Path tmp;
    static Path dir;
    static TestPki pki;
    static TestPki.Entity seller;
    static DocumentVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        dir = Files.createDirectories(Path.of("target", "attack-corpus", "xml-attack"));
        pki = TestPki.create("xml-attack");
        seller = pki.signer("Công ty TNHH Sông Lam", "Công ty TNHH Sông Lam").issue();
        verifier = DocumentVerifier.create(DemoPki.settings(pki, tmp.resolve("pki")));
    }

    static VerificationReport verify(String name, byte[] xml) throws Exception {
        Path file = Files.write(dir.resolve(name), xml);
        VerificationReport report = verifier.verify(file);
        System.out.println("ATTACK " + name + " -> " + report.verdict() + "\n" + report);
        return report;
    }

    static Document invoice() {
        Document document = XmlDsig.parse(XmlCorpus.INVOICE);
        XmlDsig.eInvoice(XmlDsig.first(XmlDsig.first(document, "DSCKS"), "NBan"), XmlDsig.first(document, "DLHDon"), seller,
                "seller", XmlCorpus.local(Instant.now().minus(1, ChronoUnit.HOURS)));
        return document;
    }

    /** Control: the genuine invoice is VALID. */
    @Test
    void genuineInvoiceIsValid() throws Exception {
        assertEquals(Verdict.VALID, verify("xml-invoice-genuine.xml", XmlDsig.bytes(invoice())).verdict());
    }

    /**
     * XSW with the signature's own Object: DSCKS moved before DLHDon (nothing signs the order), and a
     * second, unreferenced ds:Object in the seller's signature holding a lookalike TToan/TgTTTBSo: the first
     * TgTTTBSo in document order is now the attacker's 9,900,000.
     */
    @Test
    void invoiceWithALookalikeTotalInAnUnsignedObjectFirstInDocumentOrder() throws Exception {
        Document document = invoice();
        Element root = document.getDocumentElement();
        Element dscks = XmlDsig.first(document, "DSCKS");
        root.insertBefore(dscks, root.getFirstChild());
        Element signature = XmlDsig.first(dscks, "Signature");
        Element object = document.createElementNS(XmlDsig.DS, "Object");
        Element total = document.createElementNS(null, "TToan");
        Element amount = document.createElementNS(null, "TgTTTBSo");
        amount.setTextContent("9900000");
        total.appendChild(amount);
        object.appendChild(total);
        signature.appendChild(object);
        assertEquals("9900000", document.getElementsByTagName("TgTTTBSo").item(0).getTextContent());
        assertNotEquals(Verdict.VALID, verify("xml-invoice-lookalike-object.xml", XmlDsig.bytes(document)).verdict());
    }

    /** The same lookalike in an extra Object, DSCKS left in place (the signed total stays first). */
    @Test
    void invoiceWithALookalikeTotalInAnUnsignedObject() throws Exception {
        Document document = invoice();
        Element signature = XmlDsig.first(XmlDsig.first(document, "DSCKS"), "Signature");
        Element object = document.createElementNS(XmlDsig.DS, "Object");
        Element amount = document.createElementNS(null, "TgTTTBSo");
        amount.setTextContent("9900000");
        object.appendChild(amount);
        signature.appendChild(object);
        assertNotEquals(Verdict.VALID, verify("xml-invoice-lookalike-object-after.xml", XmlDsig.bytes(document)).verdict());
    }

    /**
     * A whole-document (URI="", enveloped) signature moved to be the root's first child, with an extra
     * ds:Object holding a lookalike SoTien in the document's namespace: first SoTien is the attacker's.
     */
    @Test
    void wholeDocumentSignatureMovedFirstWithALookalikeInAnObject() throws Exception {
        Document document = XmlDsig.parse(HOSO);
        Element root = document.getDocumentElement();
        Element signature = XmlDsig.santuario(root, seller, XmlDsig.RSA_SHA256, List.of(XmlDsig.Ref.enveloped("")));
        root.insertBefore(signature, root.getFirstChild());
        Element object = document.createElementNS(XmlDsig.DS, "ds:Object");
        Element amount = document.createElementNS(HOSO_NS, "SoTien");
        amount.setTextContent("9000000");
        object.appendChild(amount);
        signature.appendChild(object);
        assertEquals("9000000", document.getElementsByTagNameNS(HOSO_NS, "SoTien").item(0).getTextContent());
        assertNotEquals(Verdict.VALID, verify("xml-whole-lookalike-object.xml", XmlDsig.bytes(document)).verdict());
    }

    /** A CDATA section splitting the signed total (C14N turns it back into the same text; a first-text-node reader sees "1"). */
    @Test
    void invoiceTotalSplitByAnEmptyCdataSection() throws Exception {
        String xml = new String(XmlDsig.bytes(invoice()), StandardCharsets.UTF_8)
                .replace("<TgTTTBSo>1100000</TgTTTBSo>", "<TgTTTBSo>1<![CDATA[]]>100000</TgTTTBSo>");
        Document parsed = XmlDsig.parse(xml);
        System.out.println("first text node: " + parsed.getElementsByTagName("TgTTTBSo").item(0).getFirstChild().getNodeValue());
        assertNotEquals(Verdict.VALID, verify("xml-invoice-cdata-split.xml", xml.getBytes(StandardCharsets.UTF_8)).verdict());
    }

    /** A second, attacker-made NBan-like signature inside CQT (untrusted key) on the same DLHDon. */
    @Test
    void invoiceWithASecondDscksSignatureByAnUntrustedKey() throws Exception {
        Document document = invoice();
        TestPki.Entity mallory = TestPki.create("mallory-xml").signer("Tổng cục Thuế", "Bộ Tài chính").issue();
        XmlDsig.eInvoice(XmlDsig.first(XmlDsig.first(document, "DSCKS"), "CQT"), XmlDsig.first(document, "DLHDon"), mallory,
                "cqt", XmlCorpus.local(Instant.now().minus(1, ChronoUnit.MINUTES)));
        assertNotEquals(Verdict.VALID, verify("xml-invoice-forged-cqt.xml", XmlDsig.bytes(document)).verdict());
    }
}
