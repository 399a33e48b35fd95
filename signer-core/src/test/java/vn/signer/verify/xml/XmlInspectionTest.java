package vn.signer.verify.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.signer.testing.XmlDsig;
import vn.signer.verify.Verdict;

/** What signer's reading of a signature's references concludes, on signature templates (no cryptography needed). */
class XmlInspectionTest {
    private static final String FILTER2 = "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
            + "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\" Filter=\"subtract\">%s"
            + "</dsig-xpath:XPath></ds:Transform>";

    private static String signature(String uri, String transforms) {
        return "<ds:Signature xmlns:ds=\"" + XmlDsig.DS + "\"><ds:SignedInfo><ds:Reference URI=\"" + uri + "\">"
                + "<ds:Transforms>" + transforms + "</ds:Transforms></ds:Reference></ds:SignedInfo>"
                + "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>";
    }

    private static XmlFinding only(String xml) {
        List<XmlFinding> findings = XmlInspection.inspect(XmlDsig.parse(xml));
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    private static List<String> keys(XmlFinding finding) {
        return finding.problems().stream().map(XmlFinding.Problem::key).toList();
    }

    @Test
    void dssEnvelopedXPathFilterIsTheEnvelopedTransform() {
        XmlFinding finding = only("<a>x" + signature("", String.format(FILTER2, "/descendant::ds:Signature")) + "</a>");
        assertTrue(finding.coversWhole());
        assertEquals(List.of(), finding.problems());
    }

    @Test
    void anyOtherXPathFilterMeansCoverageCannotBeEstablished() {
        XmlFinding finding = only("<a><b>x</b>" + signature("", String.format(FILTER2, "/descendant::b")) + "</a>");
        assertEquals(List.of("xml.xpath"), keys(finding));
        assertEquals(Verdict.INDETERMINATE, finding.ceiling());
        // The same expression with its prefix bound to another namespace is not the XMLDSig one either.
        XmlFinding rebound = only("<a xmlns:ds=\"urn:other\"><b>x</b>" + signature("",
                String.format(FILTER2.replace("<dsig-xpath:XPath ", "<dsig-xpath:XPath xmlns:ds=\"urn:other\" "),
                        "/descendant::ds:Signature")) + "</a>");
        assertEquals(List.of("xml.xpath"), keys(rebound));
    }

    @Test
    void aDetachedSignatureCoversItsFileOnlyWhenItIsTheDocument() {
        assertTrue(only(signature("ho-so.xml", "")).coversWhole());
        XmlFinding inside = only("<GoiTin><NoiDung>chưa ký</NoiDung>" + signature("ho-so.xml", "") + "</GoiTin>");
        assertFalse(inside.coversWhole());
        assertEquals(List.of("xml.partial"), keys(inside));
    }

    @Test
    void theSigningTimePropertyIsReadAsVietnamTimeAndAnUnreadableOneIsSaid() {
        String time = "<ds:Object><ds:SignatureProperties><ds:SignatureProperty Id=\"t\" Target=\"#s\"><SigningTime>%s</SigningTime>"
                + "</ds:SignatureProperty></ds:SignatureProperties></ds:Object></ds:Signature>";
        String enveloped = signature("", "<ds:Transform Algorithm=\"" + XmlDsig.DS + "enveloped-signature\"/>")
                .replace("</ds:SignedInfo>", "<ds:Reference URI=\"#t\"/></ds:SignedInfo>");
        XmlFinding read = only("<a>" + enveloped.replace("</ds:Signature>", String.format(time, "2026-12-02T22:15:30")) + "</a>");
        assertEquals(java.time.Instant.parse("2026-12-02T15:15:30Z"), read.signingTime());
        assertEquals(List.of(), read.problems());
        XmlFinding unreadable = only("<a>" + enveloped.replace("</ds:Signature>", String.format(time, "hôm qua")) + "</a>");
        assertEquals(List.of("xml.signingTime.unreadable"), keys(unreadable));
    }

    @Test
    void signingItsOwnKeyInfoCoversNoContentAndAManifestIsNotEstablished() {
        String enveloped = "<ds:Reference URI=\"\"><ds:Transforms><ds:Transform Algorithm=\"" + XmlDsig.DS
                + "enveloped-signature\"/></ds:Transforms></ds:Reference>";
        String keyInfo = "<a>" + signature("#k", "").replace("<ds:Reference", enveloped + "<ds:Reference")
                .replace("</ds:Signature>", "<ds:KeyInfo Id=\"k\"/></ds:Signature>") + "</a>";
        XmlFinding withKeyInfo = only(keyInfo);
        assertTrue(withKeyInfo.coversWhole());
        assertEquals(List.of(), withKeyInfo.problems());
        String manifest = "<a>" + signature("#m", "").replace("</ds:Signature>",
                "<ds:Object><ds:Manifest Id=\"m\"/></ds:Object></ds:Signature>") + "</a>";
        assertEquals(List.of("xml.manifest"), keys(only(manifest)));
    }

    @Test
    void anIdOnlyOneElementCarriesIsResolvedAndAMissingOneIsSaid() {
        assertEquals(List.of("xml.reference.unresolved"), keys(only("<a Id=\"x\">" + signature("#y", "") + "</a>")));
        assertEquals(List.of("xml.id.duplicated"),
                keys(only("<a Id=\"x\"><b id=\"x\"/>" + signature("#x", "") + "</a>")));
    }

    @Test
    void anObjectHoldsOnlyWhatIsSignedOrXadesProperties() {
        String xades = "<xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\">"
                + "<xades:SignedProperties Id=\"p\"/><xades:UnsignedProperties><xades:UnsignedSignatureProperties>"
                + "<xades:SignatureTimeStamp><ds:CanonicalizationMethod/></xades:SignatureTimeStamp>%s"
                + "</xades:UnsignedSignatureProperties></xades:UnsignedProperties></xades:QualifyingProperties>";
        String signed = "<a>" + signature("", "<ds:Transform Algorithm=\"" + XmlDsig.DS + "enveloped-signature\"/>")
                .replace("</ds:SignedInfo>", "<ds:Reference URI=\"#p\"/></ds:SignedInfo>")
                .replace("</ds:Signature>", "<ds:Object>%s</ds:Object></ds:Signature>") + "</a>";
        assertEquals(List.of(), only(String.format(signed, String.format(xades, ""))).problems());
        // Unsigned properties are XAdES's own elements, never another vocabulary's.
        XmlFinding foreign = only(String.format(signed, String.format(xades, "<SoTien>9000000</SoTien>")));
        assertEquals(List.of("xml.object.unsigned"), keys(foreign));
        assertEquals(Verdict.INVALID, foreign.ceiling());
        // SignedProperties nobody signs (the reference names another element).
        assertEquals(List.of("xml.object.unsigned"), keys(only(String.format(signed,
                String.format(xades, "").replace(" Id=\"p\"", "")).replace("<a>", "<a><b Id=\"p\"/>"))));
        assertEquals(List.of("xml.object.unsigned"), keys(only(String.format(signed, String.format(xades, "") + "9000000"))));
    }
}
