package vn.signer.verify;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.SafeXml;
import vn.signer.largexml.LargeXml;
import vn.signer.report.Printable;
import vn.signer.verify.xml.EnvelopedXPath;
import vn.signer.verify.xml.XmlFinding;
import vn.signer.verify.xml.XmlInspection;

/**
 * Reads an XML too large for a tree in this heap for {@link DocumentVerifier}: the stand-in DSS validates
 * (the root holding only the signature), signer's findings on it with what the document's own read adds,
 * and the whole-document reference's digest computed by streaming. Refused, with a problem saying why,
 * whatever this cannot establish as DSS's path would: more than one signature, one not directly under
 * the root, a reference other than "" (enveloped, canonicalized) and the signature's own parts, an
 * archive or data-object timestamp.
 */
final class LargeXmlVerification {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ENVELOPED = DS + "enveloped-signature";
    /** The XAdES namespaces (1.1.1 to 1.4.1) all start so. */
    private static final String XADES = "http://uri.etsi.org/01903/";
    /** The XAdES timestamps whose message imprint takes in the signed content itself. */
    private static final Set<String> CONTENT_TIMESTAMPS = Set.of("ArchiveTimeStamp", "AllDataObjectsTimeStamp",
            "IndividualDataObjectsTimeStamp");

    /**
     * What the document's read established.
     *
     * @param standIn  the stand-in DSS validates, UTF-8
     * @param findings signer's findings on its signature (none when it has none)
     * @param digest   the whole-document reference's digest, or null without a signature
     */
    record Reading(byte[] standIn, List<XmlFinding> findings, byte[] digest) {
    }

    private LargeXmlVerification() {
    }

    /**
     * @throws SignerException BAD_INPUT: the document's XML is refused (SafeXml), or xml.large.signatures,
     *                         xml.large.timestamp, xml.large.reference
     */
    static Reading read(Path file, long length) {
        String name = file.toString();
        LargeXml.StandIn standIn = LargeXml.standIn(file);
        if (standIn.signatures() > 1 || standIn.signatures() != standIn.signaturesUnderRoot()) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.signatures", name, SafeXml.megabytes(length),
                    standIn.signatures(), standIn.signaturesUnderRoot()));
        }
        Document stand = SafeXml.parse(name, standIn.xml());
        List<XmlFinding> findings = XmlInspection.inspect(stand);
        if (findings.isEmpty() || findings.stream().anyMatch(XmlFinding::refused)) {
            return new Reading(standIn.xml(), findings, null);
        }
        Element signature = (Element) stand.getElementsByTagNameNS(DS, "Signature").item(0);
        requireNoTimestampOfContent(name, length, signature);
        Whole whole = whole(name, length, signature);
        LargeXml.Digest digest = LargeXml.digest(file, whole.canonicalization(), whole.digestAlgorithm(), whole.ids());
        List<XmlFinding.Problem> found = new ArrayList<>();
        if (digest.commentSplits() != null) {
            found.add(new XmlFinding.Problem(Verdict.INVALID, "xml.comment.splits", List.of(digest.commentSplits())));
        }
        if (digest.cdataSplits() != null) {
            found.add(new XmlFinding.Problem(Verdict.INVALID, "xml.cdata.splits", List.of(digest.cdataSplits())));
        }
        for (Map.Entry<String, Integer> carried : digest.carriers().entrySet()) {
            // Each of the signature's Ids is carried inside it (whole() checked): outside too, it is carried twice.
            found.add(new XmlFinding.Problem(Verdict.INVALID, "xml.id.duplicated",
                    List.of(carried.getKey(), Integer.toString(carried.getValue() + 1))));
        }
        XmlFinding finding = findings.get(0);
        List<XmlFinding.Problem> problems = new ArrayList<>(finding.problems());
        problems.addAll(found);
        problems.sort(Comparator.comparing(p -> p.verdict() != Verdict.INVALID));
        return new Reading(standIn.xml(), List.of(new XmlFinding(finding.signatureValue(), finding.coversWhole(), finding.profile(),
                finding.signingTime(), finding.certificateOffered(), false, problems)), digest.value());
    }

    /**
     * Refuses a signature with an archive or data-object timestamp: DSS checks those over each reference's
     * canonical octets, which the stream digests without keeping, so on the stand-in such a timestamp could
     * be found intact over less than it covers.
     */
    private static void requireNoTimestampOfContent(String name, long length, Element signature) {
        NodeList all = signature.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getNamespaceURI() != null && e.getNamespaceURI().startsWith(XADES) && CONTENT_TIMESTAMPS.contains(e.getLocalName())) {
                throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.timestamp", name, SafeXml.megabytes(length),
                        e.getLocalName()));
            }
        }
    }

    /** The one reference to the whole document: how to digest it, and the Ids the other references name. */
    private record Whole(String canonicalization, String digestAlgorithm, Set<String> ids) {
    }

    private static Whole whole(String name, long length, Element signature) {
        Element signedInfo = child(signature, "SignedInfo");
        Whole whole = null;
        Set<String> ids = new LinkedHashSet<>();
        for (Element reference : signedInfo == null ? List.<Element>of() : children(signedInfo, "Reference")) {
            if (!reference.hasAttribute("URI")) {
                throw unsupported(name, length, "Reference (no URI)");
            }
            String uri = reference.getAttribute("URI");
            if (uri.isEmpty()) {
                if (whole != null) {
                    throw unsupported(name, length, "URI=\"\" twice");
                }
                whole = new Whole(canonicalization(name, length, reference), digestAlgorithm(name, length, reference), ids);
            } else if (uri.startsWith("#") && carriesInside(signature, uri.substring(1))) {
                ids.add(uri.substring(1));
            } else {
                throw unsupported(name, length, "URI=\"" + uri + "\"");
            }
        }
        if (whole == null) {
            throw unsupported(name, length, "no URI=\"\"");
        }
        return whole;
    }

    /**
     * The canonicalization after the enveloped-signature transform (or the XPath that DSS and XMLDSig's own
     * example write for it: with the one signature of the document, both take out just that one), the only
     * transforms accepted here.
     */
    private static String canonicalization(String name, long length, Element reference) {
        Element list = child(reference, "Transforms");
        List<Element> transforms = list == null ? List.of() : children(list, "Transform");
        if (transforms.isEmpty() || !(ENVELOPED.equals(transforms.get(0).getAttribute("Algorithm"))
                || EnvelopedXPath.matches(transforms.get(0)))) {
            throw unsupported(name, length, "URI=\"\" without the enveloped-signature transform first");
        }
        if (transforms.size() == 1) {
            return LargeXml.DEFAULT_METHOD;
        }
        Element c14n = transforms.get(1);
        String algorithm = c14n.getAttribute("Algorithm");
        // An exclusive canonicalization's InclusiveNamespaces prefix list is not followed here.
        if (transforms.size() > 2 || !LargeXml.canonicalizes(algorithm) || hasElementChild(c14n)) {
            throw unsupported(name, length, "URI=\"\" with the transforms " + transforms.stream()
                    .map(t -> t.getAttribute("Algorithm")).toList());
        }
        return algorithm;
    }

    private static String digestAlgorithm(String name, long length, Element reference) {
        Element method = child(reference, "DigestMethod");
        String uri = method == null ? "" : method.getAttribute("Algorithm");
        try {
            return DigestAlgorithm.forXML(uri).getJavaName();
        } catch (IllegalArgumentException e) {
            throw unsupported(name, length, "URI=\"\" digested by " + uri);
        }
    }

    private static boolean carriesInside(Element signature, String id) {
        NodeList all = signature.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("Id")) || id.equals(e.getAttribute("ID")) || id.equals(e.getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasElementChild(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static SignerException unsupported(String name, long length, String what) {
        return new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.reference", name, SafeXml.megabytes(length),
                Printable.text(what)));
    }

    private static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && DS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
