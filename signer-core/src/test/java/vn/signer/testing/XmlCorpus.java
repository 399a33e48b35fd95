package vn.signer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.signer.verify.Verdict;

/**
 * XML documents signed with a {@link TestPki}'s keys, each labelled with the verdict signer must give:
 * positives made by other tools (xmlsec1, Santuario, a .NET SignedXml layout, a Circular 78 e-invoice
 * with seller and tax-authority signatures) and the attacks from the XML signature wrapping literature
 * (XSW1–XSW8 of "On Breaking SAML" adapted to a signature by Id, Id duplication, comment and whitespace
 * injection), transform abuse (XSLT, XPath), HMAC and weak algorithms. Verify with the PKI's root
 * trusted and its CRLs.
 */
public final class XmlCorpus {
    /** The Vietnam offset the e-invoice systems' zone-less local times are in. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final String HOSO = "<HoSo xmlns=\"urn:signer:test:hoso\" Id=\"hoso\"><NguoiNop>Nguyễn Văn Hùng</NguoiNop>"
            + "<Email>hung@example.vn.attacker.example</Email><SoTien>1000000</SoTien></HoSo>";
    /** An e-invoice before anyone signed it: the data DLHDon (Id "data") and the empty DSCKS/NBan|NMua|CQT. */
    public static final String INVOICE = "<HDon><DLHDon Id=\"data\"><TTChung><PBan>2.0.1</PBan><THDon>Hóa đơn giá trị gia tăng</THDon>"
            + "<KHMSHDon>1</KHMSHDon><KHHDon>C26TAA</KHHDon><SHDon>123</SHDon><NLap>2026-12-02</NLap></TTChung>"
            + "<NDHDon><NBan><Ten>Công ty TNHH Sông Lam</Ten><MST>0100000001</MST></NBan>"
            + "<NMua><Ten>Công ty Cổ phần Hồng Lĩnh</Ten><MST>0100000002</MST></NMua>"
            + "<TToan><TgTTTBSo>1100000</TgTTTBSo></TToan></NDHDon></DLHDon>"
            + "<DSCKS><NBan></NBan><NMua></NMua><CQT></CQT></DSCKS></HDon>";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /**
     * One labelled document.
     *
     * @param attackClass what it tries (or "positive")
     * @param name        unique within the corpus
     * @param allowed     the verdicts it may get; one, except where another engineer's change decides
     */
    public record Case(String attackClass, String name, byte[] xml, Set<Verdict> allowed) {
        /** Writes it as NAME.LABEL.xml, the label the verdicts it may get. */
        public Path write(Path folder) {
            String label = allowed.stream().map(Verdict::name).sorted().collect(Collectors.joining("-"));
            try {
                Files.createDirectories(folder);
                return Files.write(folder.resolve(name + "." + label + ".xml"), xml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final TestPki.Entity seller;
    private final TestPki.Entity taxAuthority;
    private final TestPki.Entity buyer;
    private final Path work;
    private final String xsltUrl;
    private List<Case> made;

    /**
     * @param xsltUrl a URL the XSLT abuse case tries to fetch (a test counts requests to it)
     */
    public XmlCorpus(TestPki pki, Path work, String xsltUrl) {
        this.seller = pki.signer("Công ty TNHH Sông Lam", "Công ty TNHH Sông Lam").issue();
        this.taxAuthority = pki.signer("Tổng cục Thuế", "Bộ Tài chính").issue();
        this.buyer = pki.signer("Công ty Cổ phần Hồng Lĩnh", "Công ty Cổ phần Hồng Lĩnh").issue();
        this.work = work;
        this.xsltUrl = xsltUrl;
    }

    /** Every case, made once. */
    public synchronized List<Case> all() {
        if (made == null) {
            made = List.copyOf(make());
        }
        return made;
    }

    private List<Case> make() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(positives());
        cases.addAll(wrapping());
        cases.addAll(injections());
        cases.addAll(transforms());
        cases.addAll(algorithms());
        cases.add(labelled("partial", "partial-child-by-id", partial(), Verdict.INDETERMINATE));
        return cases;
    }

    /** The case called {@code name}. */
    public Case named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + name));
    }

    public TestPki.Entity seller() {
        return seller;
    }

    public TestPki.Entity taxAuthority() {
        return taxAuthority;
    }

    // ---- positives -------------------------------------------------------------------------------

    List<Case> positives() {
        List<Case> cases = new ArrayList<>();
        cases.add(valid("xmlsec1-enveloped", xmlsec1()));
        cases.add(valid("santuario-root-by-id", XmlDsig.bytes(rootById())));
        Document whole = XmlDsig.parse(HOSO);
        XmlDsig.santuario(whole.getDocumentElement(), seller, XmlDsig.RSA_SHA256, List.of(XmlDsig.Ref.enveloped("")));
        cases.add(valid("santuario-uri-empty", XmlDsig.bytes(whole)));
        Document dotNet = XmlDsig.parse(HOSO);
        XmlDsig.dotNetStyle(dotNet, seller);
        cases.add(valid("dotnet-signedxml-layout", XmlDsig.bytes(dotNet)));
        cases.add(valid("e-invoice-nban", XmlDsig.bytes(invoice(false))));
        cases.add(valid("e-invoice-nban-cqt", XmlDsig.bytes(invoice(true))));
        Document threeParties = invoice(true);
        XmlDsig.eInvoice(XmlDsig.first(XmlDsig.first(threeParties, "DSCKS"), "NMua"), XmlDsig.first(threeParties, "DLHDon"),
                buyer, "buyer", local(Instant.now().minus(30, ChronoUnit.MINUTES)));
        cases.add(valid("e-invoice-nban-nmua-cqt", XmlDsig.bytes(threeParties)));
        Document byObject = XmlDsig.parse(INVOICE);
        XmlDsig.eInvoice(XmlDsig.first(XmlDsig.first(byObject, "DSCKS"), "NBan"), XmlDsig.first(byObject, "DLHDon"), seller,
                "seller", local(Instant.now()), true);
        cases.add(valid("e-invoice-signs-property-object", XmlDsig.bytes(byObject)));
        // Some systems write names as one CDATA section: one text node, which every reader sees whole.
        cases.add(valid("e-invoice-name-as-cdata", replace(XmlDsig.bytes(invoice(false)),
                "<Ten>Công ty Cổ phần Hồng Lĩnh</Ten>", "<Ten><![CDATA[Công ty Cổ phần Hồng Lĩnh]]></Ten>")));

        // The seller's certificate was issued a day ago: DSS checks the claimed time against its validity as for XAdES.
        cases.add(labelled("claimed time", "e-invoice-signed-before-certificate",
                XmlDsig.bytes(invoice(Instant.now().minus(3, ChronoUnit.DAYS), false)), Verdict.INDETERMINATE));
        cases.add(labelled("tampered", "xmlsec1-one-character", replace(xmlsec1(), "1000000", "1000001"), Verdict.INVALID));
        cases.add(labelled("tampered", "dotnet-one-character", replace(XmlDsig.bytes(dotNet), "1000000", "9000000"), Verdict.INVALID));
        cases.add(labelled("tampered", "e-invoice-one-character",
                replace(XmlDsig.bytes(invoice(true)), "1100000", "1100001"), Verdict.INVALID));
        return cases;
    }

    private byte[] xmlsec1() {
        return xmlsec1(XmlDsig.RSA_SHA256, XmlDsig.SHA256);
    }

    private byte[] xmlsec1(String signatureMethod, String digestMethod) {
        String template = HOSO.replace("</HoSo>", "<Signature xmlns=\"" + XmlDsig.DS + "\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"" + XmlDsig.EXC_C14N + "\"/>"
                + "<SignatureMethod Algorithm=\"" + signatureMethod + "\"/>"
                + "<Reference URI=\"\"><Transforms><Transform Algorithm=\"" + Transforms.TRANSFORM_ENVELOPED_SIGNATURE + "\"/>"
                + "</Transforms><DigestMethod Algorithm=\"" + digestMethod + "\"/><DigestValue></DigestValue></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature></HoSo>");
        return XmlDsig.xmlsec1(template, seller, work);
    }

    /** The whole hồ sơ signed by the Id of its root, the signature enveloped in it. */
    private Document rootById() {
        Document document = XmlDsig.parse(HOSO);
        XmlDsig.santuario(document.getDocumentElement(), seller, XmlDsig.RSA_SHA256, List.of(XmlDsig.Ref.enveloped("#hoso")));
        return document;
    }

    /** An invoice signed by the seller (DSCKS/NBan) and, when asked, the tax authority (DSCKS/CQT). */
    private Document invoice(boolean withTaxAuthority) {
        return invoice(Instant.now().minus(1, ChronoUnit.HOURS), withTaxAuthority);
    }

    private Document invoice(Instant sellerSigned, boolean withTaxAuthority) {
        Document document = XmlDsig.parse(INVOICE);
        Element data = XmlDsig.first(document, "DLHDon");
        Element dscks = XmlDsig.first(document, "DSCKS");
        XmlDsig.eInvoice(XmlDsig.first(dscks, "NBan"), data, seller, "seller", local(sellerSigned));
        if (withTaxAuthority) {
            XmlDsig.eInvoice(XmlDsig.first(dscks, "CQT"), data, taxAuthority, "cqt", local(Instant.now().minus(1, ChronoUnit.MINUTES)));
        }
        return document;
    }

    /** Vietnam local time without a zone, as e-invoice systems write SigningTime. */
    public static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), VIETNAM).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    // ---- signature wrapping ----------------------------------------------------------------------

    List<Case> wrapping() {
        List<Case> cases = new ArrayList<>();
        // XSW1, XSW2: the signed root moved away from its enveloped signature, an attacker's root in its place.
        Document xsw1 = rootById();
        Element original1 = XmlDsig.copyWithoutSignatures(xsw1.getDocumentElement());
        makeEvilRoot(xsw1);
        XmlDsig.first(xsw1, "Signature").appendChild(original1);
        cases.add(labelled("XSW1", "xsw1-copy-inside-signature", XmlDsig.bytes(xsw1), Verdict.INVALID));
        Document xsw2 = rootById();
        Element original2 = XmlDsig.copyWithoutSignatures(xsw2.getDocumentElement());
        makeEvilRoot(xsw2);
        xsw2.getDocumentElement().insertBefore(original2, XmlDsig.first(xsw2, "Signature"));
        cases.add(labelled("XSW2", "xsw2-copy-beside-signature", XmlDsig.bytes(xsw2), Verdict.INVALID));

        // XSW3–XSW8 on the e-invoice: the seller signed DLHDon by Id; the attacker's DLHDon is what a reader sees.
        Document xsw3 = invoice(false);
        Element data3 = XmlDsig.first(xsw3, "DLHDon");
        data3.getParentNode().insertBefore(evilCopy(data3, "evil"), data3);
        cases.add(labelled("XSW3", "xsw3-evil-data-before", XmlDsig.bytes(xsw3), Verdict.INVALID));

        Document xsw4 = invoice(false);
        Element data4 = XmlDsig.first(xsw4, "DLHDon");
        Element evil4 = evilCopy(data4, "evil");
        data4.getParentNode().replaceChild(evil4, data4);
        evil4.appendChild(data4);
        cases.add(labelled("XSW4", "xsw4-signed-data-inside-evil", XmlDsig.bytes(xsw4), Verdict.INVALID));

        cases.add(movedData("XSW5", "xsw5-signed-data-at-end", (invoice, signed) -> invoice.getDocumentElement().appendChild(signed)));
        cases.add(movedData("XSW6", "xsw6-signed-data-inside-signature",
                (invoice, signed) -> XmlDsig.first(invoice, "Signature").appendChild(signed)));
        cases.add(movedData("XSW7", "xsw7-signed-data-in-extensions", (invoice, signed) -> {
            Element extensions = invoice.createElementNS(null, "Extensions");
            extensions.appendChild(signed);
            invoice.getDocumentElement().insertBefore(extensions, XmlDsig.first(invoice, "DSCKS"));
        }));
        cases.add(movedData("XSW8", "xsw8-signed-data-in-object", (invoice, signed) -> {
            Element object = invoice.createElementNS(XmlDsig.DS, "Object");
            object.appendChild(signed);
            XmlDsig.first(invoice, "Signature").appendChild(object);
        }));
        cases.add(movedData("XSW8", "xsw8-signed-data-in-signature-property", (invoice, signed) -> {
            Element property = invoice.createElementNS(XmlDsig.DS, "SignatureProperty");
            property.appendChild(signed);
            XmlDsig.first(XmlDsig.first(invoice, "Signature"), "SignatureProperties").appendChild(property);
        }));

        // Unsigned lookalikes in an extra Object of the signature, the signature moved first so they come
        // first in document order (nothing signs the order of HDon's children or of the hồ sơ's).
        Document objectInvoice = invoice(false);
        Element dscks = XmlDsig.first(objectInvoice, "DSCKS");
        objectInvoice.getDocumentElement().insertBefore(dscks, objectInvoice.getDocumentElement().getFirstChild());
        Element total = objectInvoice.createElementNS(null, "TToan");
        total.appendChild(objectInvoice.createElementNS(null, "TgTTTBSo")).setTextContent("9900000");
        XmlDsig.first(dscks, "Signature").appendChild(objectInvoice.createElementNS(XmlDsig.DS, "Object")).appendChild(total);
        cases.add(labelled("unsigned content in a signature", "e-invoice-lookalike-in-unsigned-object", XmlDsig.bytes(objectInvoice), Verdict.INVALID));
        Document objectWhole = XmlDsig.parse(HOSO);
        Element wholeSignature = XmlDsig.santuario(objectWhole.getDocumentElement(), seller, XmlDsig.RSA_SHA256,
                List.of(XmlDsig.Ref.enveloped("")));
        objectWhole.getDocumentElement().insertBefore(wholeSignature, objectWhole.getDocumentElement().getFirstChild());
        wholeSignature.appendChild(objectWhole.createElementNS(XmlDsig.DS, "ds:Object"))
                .appendChild(objectWhole.createElementNS("urn:signer:test:hoso", "SoTien")).setTextContent("9000000");
        cases.add(labelled("unsigned content in a signature", "whole-document-lookalike-in-unsigned-object", XmlDsig.bytes(objectWhole),
                Verdict.INVALID));
        Document propertyInvoice = invoice(false);
        Element lookalike = propertyInvoice.createElementNS(XmlDsig.DS, "SignatureProperty");
        lookalike.appendChild(propertyInvoice.createElementNS(null, "TgTTTBSo")).setTextContent("9900000");
        XmlDsig.first(propertyInvoice, "SignatureProperties").appendChild(lookalike);
        cases.add(labelled("unsigned content in a signature", "e-invoice-lookalike-in-unsigned-signature-property",
                XmlDsig.bytes(propertyInvoice), Verdict.INVALID));
        Document keyInfoInvoice = invoice(false);
        XmlDsig.first(keyInfoInvoice, "X509Data").appendChild(keyInfoInvoice.createElementNS(null, "TgTTTBSo"))
                .setTextContent("9900000");
        cases.add(labelled("unsigned content in a signature", "e-invoice-lookalike-in-key-info", XmlDsig.bytes(keyInfoInvoice), Verdict.INVALID));

        // The same signature twice: each now covers the other's copy, and DSS sees a duplicated signature.
        Document copied = rootById();
        Element note = copied.createElementNS("urn:signer:test:hoso", "BanSao");
        note.appendChild(XmlDsig.first(copied, "Signature").cloneNode(true));
        copied.getDocumentElement().appendChild(note);
        cases.add(labelled("signature copy", "signature-copied-elsewhere", XmlDsig.bytes(copied), Verdict.INVALID));

        // Id duplication: a second element carrying the signed Id, under the same or another Id-like attribute.
        Document dupRoot = rootById();
        Element ghiChu = dupRoot.createElementNS("urn:signer:test:hoso", "GhiChu");
        ghiChu.setAttribute("Id", "hoso");
        dupRoot.getDocumentElement().insertBefore(ghiChu, dupRoot.getDocumentElement().getFirstChild());
        cases.add(labelled("Id duplication", "dup-id-in-root", XmlDsig.bytes(dupRoot), Verdict.INVALID));
        Document dupInvoice = invoice(false);
        Element data = XmlDsig.first(dupInvoice, "DLHDon");
        data.getParentNode().insertBefore(evilCopy(data, "data"), data);
        cases.add(labelled("Id duplication", "dup-id-evil-data-first", XmlDsig.bytes(dupInvoice), Verdict.INVALID));
        Document dupWsu = invoice(false);
        Element marker = dupWsu.createElementNS(null, "GhiChu");
        marker.setAttributeNS(WSU, "wsu:Id", "data");
        XmlDsig.first(dupWsu, "DSCKS").appendChild(marker);
        cases.add(labelled("Id duplication", "dup-id-as-wsu-id", XmlDsig.bytes(dupWsu), Verdict.INVALID));
        Document dupUpper = rootById();
        Element upper = dupUpper.createElementNS("urn:signer:test:hoso", "GhiChu");
        upper.setAttribute("ID", "hoso");
        dupUpper.getDocumentElement().appendChild(upper);
        cases.add(labelled("Id duplication", "dup-id-as-upper-ID", XmlDsig.bytes(dupUpper), Verdict.INVALID));
        return cases;
    }

    private static void makeEvilRoot(Document document) {
        Element root = document.getDocumentElement();
        root.setAttribute("Id", "evil");
        XmlDsig.first(root, "SoTien").setTextContent("999999999");
    }

    /** A copy of {@code data} that pays 1 đồng, carrying Id {@code id}. */
    private static Element evilCopy(Element data, String id) {
        Element evil = (Element) data.cloneNode(true);
        evil.setAttribute("Id", id);
        XmlDsig.first(evil, "TgTTTBSo").setTextContent("1");
        return evil;
    }

    /**
     * An invoice whose DLHDon became the attacker's (other Id, other amount), an untouched copy of the
     * signed one put elsewhere by {@code place}.
     */
    private Case movedData(String attackClass, String name, BiConsumer<Document, Element> place) {
        Document invoice = invoice(false);
        Element data = XmlDsig.first(invoice, "DLHDon");
        Element signed = (Element) data.cloneNode(true);
        data.setAttribute("Id", "evil");
        XmlDsig.first(data, "TgTTTBSo").setTextContent("1");
        place.accept(invoice, signed);
        return labelled(attackClass, name, XmlDsig.bytes(invoice), Verdict.INVALID);
    }

    // ---- comment and whitespace injection --------------------------------------------------------

    List<Case> injections() {
        List<Case> cases = new ArrayList<>();
        // C14N without comments drops the comment, so the digest still matches; a reader that takes the
        // first text node sees "hung@example.vn", not what was signed (CVE-2017-11427 and kin).
        Document comment = rootById();
        Element email = XmlDsig.first(comment, "Email");
        email.setTextContent("hung@example.vn");
        email.appendChild(comment.createComment(""));
        email.appendChild(comment.createTextNode(".attacker.example"));
        cases.add(labelled("comment injection", "comment-splits-signed-text", XmlDsig.bytes(comment), Verdict.INVALID));
        Document commentInvoice = invoice(false);
        Element name = XmlDsig.first(XmlDsig.first(commentInvoice, "NMua"), "Ten");
        name.insertBefore(commentInvoice.createComment("x"), name.getFirstChild().getNextSibling());
        name.getFirstChild().setTextContent("Công ty Cổ phần ");
        name.appendChild(commentInvoice.createTextNode("Hồng Lĩnh"));
        cases.add(labelled("comment injection", "comment-splits-invoice-buyer", XmlDsig.bytes(commentInvoice), Verdict.INVALID));
        // C14N turns CDATA into plain text, so the digest matches; a first-text-node reader sees "1".
        cases.add(labelled("CDATA injection", "cdata-splits-invoice-total", replace(XmlDsig.bytes(invoice(false)),
                "<TgTTTBSo>1100000</TgTTTBSo>", "<TgTTTBSo>1<![CDATA[]]>100000</TgTTTBSo>"), Verdict.INVALID));

        Document between = rootById();
        Element root = between.getDocumentElement();
        root.insertBefore(between.createTextNode("\n  "), XmlDsig.first(between, "Email"));
        cases.add(labelled("whitespace injection", "whitespace-between-signed-elements", XmlDsig.bytes(between), Verdict.INVALID));
        Document inValue = invoice(false);
        XmlDsig.first(inValue, "TgTTTBSo").setTextContent("1100000 ");
        cases.add(labelled("whitespace injection", "whitespace-in-signed-value", XmlDsig.bytes(inValue), Verdict.INVALID));
        return cases;
    }

    // ---- transform abuse -------------------------------------------------------------------------

    List<Case> transforms() {
        List<Case> cases = new ArrayList<>();
        // An XSLT transform that would fetch from the network and read a local file if it were executed.
        Document xslt = XmlDsig.parse(HOSO);
        Element signature = XmlDsig.santuario(xslt.getDocumentElement(), seller, XmlDsig.RSA_SHA256,
                List.of(XmlDsig.Ref.enveloped("")));
        Element transform = xslt.createElementNS(XmlDsig.DS, "ds:Transform");
        transform.setAttribute("Algorithm", XmlDsig.XSLT);
        Element stylesheet = XmlDsig.parse("<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\">"
                + "<xsl:import href=\"" + xsltUrl + "/import.xsl\"/>"
                + "<xsl:template match=\"/\"><r><xsl:copy-of select=\"document('" + xsltUrl + "/document')\"/>"
                + "<xsl:copy-of select=\"document('file:///etc/passwd')\"/></r></xsl:template></xsl:stylesheet>")
                .getDocumentElement();
        transform.appendChild(xslt.importNode(stylesheet, true));
        XmlDsig.first(signature, "Transforms").appendChild(transform);
        cases.add(new Case("XSLT transform", "xslt-fetches-and-reads-files", XmlDsig.bytes(xslt),
                EnumSet.of(Verdict.INVALID, Verdict.INDETERMINATE)));

        Document nothing = XmlDsig.parse(HOSO);
        XmlDsig.santuario(nothing.getDocumentElement(), seller, XmlDsig.RSA_SHA256,
                List.of(new XmlDsig.Ref("", List.of("xpath:0"), XmlDsig.SHA256)));
        cases.add(labelled("XPath transform", "xpath-selects-nothing", XmlDsig.bytes(nothing), Verdict.INDETERMINATE));
        Document little = XmlDsig.parse(HOSO);
        XmlDsig.santuario(little.getDocumentElement(), seller, XmlDsig.RSA_SHA256,
                List.of(new XmlDsig.Ref("", List.of("xpath:ancestor-or-self::*[local-name()='NguoiNop']", XmlDsig.EXC_C14N),
                        XmlDsig.SHA256)));
        cases.add(labelled("XPath transform", "xpath-selects-one-element", XmlDsig.bytes(little), Verdict.INDETERMINATE));
        return cases;
    }

    /** A child signed by Id beside its (detached) signature, inside a root nobody signed. */
    private byte[] partial() {
        Document document = XmlDsig.parse("<GoiTin xmlns=\"urn:signer:test:goi\"><NoiGui>Sở TEST</NoiGui>" + HOSO + "</GoiTin>");
        XmlDsig.santuario(document.getDocumentElement(), seller, XmlDsig.RSA_SHA256,
                List.of(new XmlDsig.Ref("#hoso", List.of(XmlDsig.EXC_C14N), XmlDsig.SHA256)));
        return XmlDsig.bytes(document);
    }

    // ---- algorithms ------------------------------------------------------------------------------

    List<Case> algorithms() {
        List<Case> cases = new ArrayList<>();
        byte[] key = "a shared secret nobody gave signer".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Document shortMac = XmlDsig.parse(HOSO);
        XmlDsig.hmac(shortMac.getDocumentElement(), key, 64);
        cases.add(labelled("HMAC", "hmac-output-length-64", XmlDsig.bytes(shortMac), Verdict.INVALID));
        Document fullMac = XmlDsig.parse(HOSO);
        XmlDsig.hmac(fullMac.getDocumentElement(), key, 256);
        cases.add(labelled("HMAC", "hmac-sha256-no-key", XmlDsig.bytes(fullMac), Verdict.INVALID));
        Document sha1 = XmlDsig.parse(HOSO);
        XmlDsig.santuario(sha1.getDocumentElement(), seller, XmlDsig.RSA_SHA1,
                List.of(new XmlDsig.Ref("", List.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE, XmlDsig.EXC_C14N), XmlDsig.SHA1)));
        // Not VALID here; the lead's mapping of DSS's crypto-constraint failures makes it INVALID.
        cases.add(new Case("SHA-1 / MD5", "rsa-sha1", XmlDsig.bytes(sha1), EnumSet.of(Verdict.INVALID, Verdict.INDETERMINATE)));
        // Santuario refuses to make an MD5 signature at all; xmlsec1 still does.
        cases.add(new Case("SHA-1 / MD5", "rsa-md5", xmlsec1(XmlDsig.RSA_MD5, XmlDsig.MD5),
                EnumSet.of(Verdict.INVALID, Verdict.INDETERMINATE)));
        return cases;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Case valid(String name, byte[] xml) {
        return new Case("positive", name, xml, EnumSet.of(Verdict.VALID));
    }

    private static Case labelled(String attackClass, String name, byte[] xml, Verdict expected) {
        return new Case(attackClass, name, xml, EnumSet.of(expected));
    }

    private static byte[] replace(byte[] xml, String from, String to) {
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(from + " not in the document");
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
