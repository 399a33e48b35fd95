package vn.signer.verify.xml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.w3c.dom.CDATASection;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;
import vn.signer.verify.Verdict;
import vn.signer.verify.xml.XmlFinding.Problem;
import vn.signer.work.Cancellation;

/**
 * signer's own reading of the XML signatures of a parsed document: what each reference resolves to
 * (by Id, counting every element that carries it), whether the signed content is the document, what a
 * known profile requires, or something moved, duplicated or hidden (signature wrapping); and the
 * algorithms and transforms signer refuses to run. DSS checks digests and signature values; this
 * checks that what they cover is what a reader of the document sees.
 */
public final class XmlInspection {
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ENVELOPED = DS + "enveloped-signature";
    private static final Set<String> XPATH = Set.of(EnvelopedXPath.XPATH, EnvelopedXPath.FILTER2,
            "http://www.w3.org/2002/04/xmldsig-filter2");
    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    /** What a signature's own Object may hold and still be the signature's properties rather than content. */
    private static final Set<String> PROPERTIES = Set.of("SignatureProperties", "SignatureProperty", "QualifyingProperties",
            "SignedProperties");
    private static final Set<String> SIGNATURE_CHILDREN = Set.of("SignedInfo", "SignatureValue", "KeyInfo", "Object");
    /** The XAdES namespaces (1.1.1 to 1.4.1) all start so. */
    private static final String XADES = "http://uri.etsi.org/01903/";
    private static final String DSIG11 = "http://www.w3.org/2009/xmldsig11#";
    /** Under this, a truncated HMAC can be forged (CVE-2009-0217; XMLDSig 1.1 sets the bound at half the output or 80). */
    private static final int MIN_HMAC_BITS = 80;

    private XmlInspection() {
    }

    /** One finding per ds:Signature element of {@code document}, in document order. */
    public static List<XmlFinding> inspect(Document document) {
        IdIndex ids = new IdIndex(document);
        NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
        List<XmlFinding> findings = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            Cancellation.check();
            findings.add(new Reading((Element) signatures.item(i), ids).finding());
        }
        return findings;
    }

    /** The reading of one signature element. */
    private static final class Reading {
        private final Element signature;
        private final Element root;
        private final IdIndex ids;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Element> content = new ArrayList<>();
        private final List<Element> properties = new ArrayList<>();
        /** Every element a reference resolved to, and whether that reference cuts this signature out of it. */
        private final List<Element> signed = new ArrayList<>();
        private final List<Element> signedEnveloped = new ArrayList<>();
        /** False once a reference's coverage cannot be established (XPath, no URI): nothing is then known unsigned. */
        private boolean established = true;
        private boolean refused;
        private boolean external;

        Reading(Element signature, IdIndex ids) {
            this.signature = signature;
            this.root = signature.getOwnerDocument().getDocumentElement();
            this.ids = ids;
        }

        XmlFinding finding() {
            checkStructure();
            Element signedInfo = child(signature, "SignedInfo");
            if (signedInfo != null) {
                checkSignatureMethod(child(signedInfo, "SignatureMethod"));
                for (Element reference : children(signedInfo, "Reference")) {
                    reference(reference);
                }
            }
            for (Element element : content) {
                splitText(element);
            }
            if (established) {
                unsignedContent();
            }
            Instant signingTime = signingTime();
            String profile = null;
            // A detached signature covers its file when the signature is the document; inside another
            // document, that document's own content is not covered.
            boolean whole = (external && signature == root) || content.stream().anyMatch(this::isWholeDocument);
            if (!whole && problems.isEmpty()) {
                profile = EInvoiceProfile.check(signature, content, properties, problems);
                if (profile == null && problems.isEmpty()) {
                    problems.add(new Problem(Verdict.INDETERMINATE, "xml.partial", List.of()));
                }
            }
            problems.sort(Comparator.comparing(p -> p.verdict() != Verdict.INVALID));
            Element keyInfo = child(signature, "KeyInfo");
            boolean certificateOffered = keyInfo != null && descendant(keyInfo, "X509Certificate") != null;
            return new XmlFinding(signatureValue(), whole, profile, signingTime, certificateOffered, refused, problems);
        }

        /** The root, or (an enveloping signature) the signature itself and what its Objects hold. */
        private boolean isWholeDocument(Element element) {
            return element == root || (signature == root && contains(signature, element));
        }

        private void checkStructure() {
            for (Node child = signature.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && !(DS.equals(e.getNamespaceURI()) && SIGNATURE_CHILDREN.contains(e.getLocalName()))) {
                    refuse(Verdict.INVALID, "xml.malformed", e.getLocalName());
                }
            }
        }

        private void checkSignatureMethod(Element method) {
            String algorithm = method == null ? "" : method.getAttribute("Algorithm");
            if (!algorithm.contains("hmac")) {
                return;
            }
            Element length = child(method, "HMACOutputLength");
            if (length != null && bits(length.getTextContent()) < MIN_HMAC_BITS) {
                refuse(Verdict.INVALID, "xml.hmac.truncated", length.getTextContent().strip());
            } else {
                refuse(Verdict.INVALID, "xml.hmac");
            }
        }

        private static int bits(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return 0; // not a number: no length signer can trust
            }
        }

        private void reference(Element reference) {
            List<String> transforms = new ArrayList<>();
            Element list = child(reference, "Transforms");
            if (list != null) {
                for (Element transform : children(list, "Transform")) {
                    // An XPath that only removes signatures is the enveloped-signature transform written longhand.
                    transforms.add(EnvelopedXPath.matches(transform) ? ENVELOPED : transform.getAttribute("Algorithm"));
                }
            }
            if (transforms.contains(XSLT)) {
                refuse(Verdict.INDETERMINATE, "xml.xslt");
                return;
            }
            if (transforms.stream().anyMatch(XPATH::contains)) {
                established = false;
                problems.add(new Problem(Verdict.INDETERMINATE, "xml.xpath", List.of()));
                return;
            }
            if (!reference.hasAttribute("URI")) {
                established = false;
                problems.add(new Problem(Verdict.INDETERMINATE, "xml.reference.noUri", List.of()));
                return;
            }
            String uri = reference.getAttribute("URI");
            Element target;
            if (uri.isEmpty() || uri.equals("#xpointer(/)")) {
                target = root;
            } else if (uri.startsWith("#")) {
                target = byId(idOf(uri.substring(1)));
                if (target == null) {
                    return;
                }
            } else {
                // A detached signature: the content is another file, which DSS checks against --detached.
                external = true;
                return;
            }
            (transforms.contains(ENVELOPED) ? signedEnveloped : signed).add(target);
            classify(target, transforms.contains(ENVELOPED));
        }

        /** The Id in "#Id" or "#xpointer(id('Id'))". */
        private static String idOf(String fragment) {
            if (fragment.startsWith("xpointer(id(") && fragment.endsWith("))")) {
                return fragment.substring("xpointer(id(".length() + 1, fragment.length() - 3);
            }
            return fragment;
        }

        private Element byId(String id) {
            List<Element> carriers = ids.elements(id);
            if (carriers.size() > 1) {
                problems.add(new Problem(Verdict.INVALID, "xml.id.duplicated", List.of(id, Integer.toString(carriers.size()))));
                return null;
            }
            if (carriers.isEmpty()) {
                problems.add(new Problem(Verdict.INDETERMINATE, "xml.reference.unresolved", List.of(id)));
                return null;
            }
            return carriers.get(0);
        }

        private void classify(Element target, boolean enveloped) {
            String name = target.getLocalName();
            if (contains(signature, target)) {
                boolean ownKeyInfo = target.getParentNode() == signature && name.equals("KeyInfo");
                if (isOwnProperty(target) || ownKeyInfo) {
                    properties.add(target); // signing one's own properties or certificate covers no content
                } else if (DS.equals(target.getNamespaceURI()) && name.equals("Manifest")) {
                    // Core validation does not check a Manifest's own references: what it covers is not established.
                    problems.add(new Problem(Verdict.INDETERMINATE, "xml.manifest", List.of()));
                } else if (signature == root) {
                    content.add(target); // enveloping: the document is the signature and what it holds
                } else {
                    problems.add(new Problem(Verdict.INVALID, "xml.wrapped.inSignature", List.of(name)));
                }
                return;
            }
            Element enclosingSignature = enclosing(target, DS, "Signature");
            if (enclosingSignature != null) {
                if (DS.equals(target.getNamespaceURI()) && name.equals("SignatureValue")) {
                    properties.add(target); // a counter-signature signs the signature value it sits beside
                } else {
                    problems.add(new Problem(Verdict.INVALID, "xml.wrapped.inSignature", List.of(name)));
                }
                return;
            }
            if (enveloped && !contains(target, signature)) {
                problems.add(new Problem(Verdict.INVALID, "xml.wrapped.moved", List.of(name)));
                return;
            }
            if (enclosing(target, target.getNamespaceURI(), name) != null) {
                problems.add(new Problem(Verdict.INVALID, "xml.wrapped.lookalike", List.of(name)));
                return;
            }
            content.add(target);
        }

        /** SignatureProperties or XAdES qualifying properties of this signature's own Objects, or such an Object. */
        private boolean isOwnProperty(Element target) {
            Element object = enclosingOrSelf(target, DS, "Object");
            if (object == null || object.getParentNode() != signature) {
                return false;
            }
            if (target == object) {
                // Some e-invoice systems sign the Object holding the SignatureProperties by its Id.
                List<Element> held = new ArrayList<>();
                for (Node child = object.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e) {
                        held.add(e);
                    }
                }
                return !held.isEmpty() && held.stream().allMatch(e -> PROPERTIES.contains(e.getLocalName()));
            }
            // The property element itself: anything signed from deeper inside a property is content hidden there.
            return PROPERTIES.contains(target.getLocalName());
        }

        /**
         * A comment between two pieces of signed text, or a CDATA section beside other text: C14N drops the
         * comment and turns CDATA into plain text, so the digest is that of the whole text, while a reader
         * taking the first text node stops at the split. A CDATA section that is all of an element's text is
         * one node and fine.
         */
        private void splitText(Element element) {
            NodeList all = element.getElementsByTagNameNS("*", "*");
            List<Element> elements = new ArrayList<>(List.of(element));
            for (int i = 0; i < all.getLength(); i++) {
                elements.add((Element) all.item(i));
            }
            for (Element e : elements) {
                int pieces = 0;
                boolean cdata = false;
                // Comments one after another (blank text between them too) split the text around them as one does.
                boolean textBefore = false;
                boolean commentAfterText = false;
                for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Comment) {
                        commentAfterText |= textBefore;
                    } else if (isText(child)) {
                        if (commentAfterText) {
                            problems.add(new Problem(Verdict.INVALID, "xml.comment.splits", List.of(e.getLocalName())));
                            return;
                        }
                        textBefore = true;
                    } else if (!(child instanceof Text)) {
                        textBefore = false;
                        commentAfterText = false;
                    }
                    // Even an empty CDATA section is a node of its own: a split.
                    if (child instanceof CDATASection || isText(child)) {
                        pieces++;
                        cdata |= child instanceof CDATASection;
                    }
                }
                if (cdata && pieces > 1) {
                    problems.add(new Problem(Verdict.INVALID, "xml.cdata.splits", List.of(e.getLocalName())));
                    return;
                }
            }
        }

        private static boolean isText(Node node) {
            return node instanceof Text text && !text.getData().isBlank();
        }

        /**
         * Content of this signature's Objects or KeyInfo that no reference covers: readers looking an element
         * up by name may find it before the document's own (the signature can be moved first, nothing signs
         * the order). An Object may hold only what is signed, SignatureProperties whose each
         * SignatureProperty is signed, and XAdES QualifyingProperties whose SignedProperties are signed and
         * whose UnsignedProperties hold only XAdES and XMLDSig elements (time-stamps, certificate and
         * revocation values).
         */
        private void unsignedContent() {
            for (Element object : children(signature, "Object")) {
                String unsigned = unsigned(object, Set.of("SignatureProperties", "QualifyingProperties"));
                if (unsigned != null) {
                    problems.add(new Problem(Verdict.INVALID, "xml.object.unsigned", List.of(unsigned)));
                    return;
                }
            }
            // KeyInfo may be extended with any element too; unsigned, it holds only XMLDSig's own.
            Element keyInfo = child(signature, "KeyInfo");
            String unsigned = keyInfo == null || isSigned(keyInfo) ? null : foreign(keyInfo);
            if (unsigned != null) {
                problems.add(new Problem(Verdict.INVALID, "xml.keyInfo.unsigned", List.of(unsigned)));
            }
        }

        /**
         * The name of the first thing in {@code container} that is not signed, where it may hold unsigned only
         * the elements named in {@code wrappers} (each checked the same way), or null.
         */
        private String unsigned(Element container, Set<String> wrappers) {
            if (isSigned(container)) {
                return null;
            }
            for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (isText(child)) {
                    return "#text";
                }
                if (!(child instanceof Element e)) {
                    continue;
                }
                String name = e.getLocalName();
                String found;
                if (!wrappers.contains(name)) {
                    found = isSigned(e) ? null : name;
                } else if (name.equals("SignatureProperties") && DS.equals(e.getNamespaceURI())) {
                    found = unsigned(e, Set.of());
                } else if (!isXades(e)) {
                    found = name;
                } else if (name.equals("QualifyingProperties")) {
                    found = unsigned(e, Set.of("UnsignedProperties"));
                } else {
                    found = foreign(e);
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** The first element under {@code parent} that is neither XMLDSig (1.0, 1.1) nor XAdES, or null. */
        private static String foreign(Element parent) {
            NodeList all = parent.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (!isXades(e) && !DS.equals(e.getNamespaceURI()) && !DSIG11.equals(e.getNamespaceURI())) {
                    return e.getLocalName();
                }
            }
            return null;
        }

        private static boolean isXades(Element element) {
            return element.getNamespaceURI() != null && element.getNamespaceURI().startsWith(XADES);
        }

        /** Whether a reference covers {@code node} (an enveloped one covers nothing of this signature). */
        private boolean isSigned(Node node) {
            return signed.stream().anyMatch(e -> contains(e, node))
                    || signedEnveloped.stream().anyMatch(e -> contains(e, node) && !contains(signature, node));
        }

        private Instant signingTime() {
            for (Element object : children(signature, "Object")) {
                NodeList times = object.getElementsByTagNameNS("*", "SigningTime");
                for (int i = 0; i < times.getLength(); i++) {
                    Element time = (Element) times.item(i);
                    if (enclosing(time, DS, "SignatureProperty") != null) {
                        Instant instant = SigningTimes.parse(time.getTextContent());
                        if (instant == null) {
                            problems.add(new Problem(Verdict.INDETERMINATE, "xml.signingTime.unreadable",
                                    List.of(time.getTextContent().strip())));
                        }
                        return instant;
                    }
                }
            }
            return null;
        }

        private byte[] signatureValue() {
            Element value = child(signature, "SignatureValue");
            if (value == null) {
                return new byte[0];
            }
            try {
                return Base64.getMimeDecoder().decode(value.getTextContent().strip());
            } catch (IllegalArgumentException e) {
                // Not base64: nothing DSS could have read either, so it pairs with no DSS signature.
                return new byte[0];
            }
        }

        private void refuse(Verdict verdict, String key, String... args) {
            refused = true;
            problems.add(new Problem(verdict, key, List.of(args)));
        }
    }

    // ---- DOM helpers -------------------------------------------------------------------------------

    static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element descendant(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS(DS, localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    static boolean contains(Element outer, Node inner) {
        for (Node n = inner; n != null; n = n.getParentNode()) {
            if (n == outer) {
                return true;
            }
        }
        return false;
    }

    /** The nearest proper ancestor of {@code node} named {@code localName} in {@code namespace}, or null. */
    static Element enclosing(Node node, String namespace, String localName) {
        for (Node n = node.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (localName.equals(e.getLocalName()) && java.util.Objects.equals(namespace, e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static Element enclosingOrSelf(Element element, String namespace, String localName) {
        return localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI())
                ? element : enclosing(element, namespace, localName);
    }
}
