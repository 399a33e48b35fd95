package vn.signer.largexml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;

/**
 * One read of a large document for its verification: its canonical form (given to a
 * {@link CanonicalXml}), and what signer's reading of a signature covering the whole document checks
 * in the document itself (vn.signer.verify.xml.XmlInspection does it on a tree): text split by a
 * comment or beside a CDATA section, and elements outside the signature carrying an Id the signature
 * refers to.
 */
final class DocumentScan extends SaxEvents {
    private enum Node { NONE, TEXT, BLANK, COMMENT_AFTER_TEXT, OTHER }

    /** The state of one open element: its last child node and its text pieces. */
    private static final class Open {
        final String name;
        Node previous = Node.NONE;
        int pieces;
        boolean cdata;
        boolean text;
        boolean nonBlank;

        Open(String name) {
            this.name = name;
        }
    }

    private final CanonicalXml canonical;
    private final Set<String> ids;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Integer> carriers = new HashMap<>();
    private final Map<String, String> carrierNames = new HashMap<>();
    private boolean inCdata;
    private boolean cdataNonBlank;
    private int depth;
    private int signatureDepth;
    private String commentSplits;
    private String cdataSplits;

    /** @param ids the Ids the signature's own references name */
    DocumentScan(CanonicalXml canonical, Set<String> ids) {
        this.canonical = canonical;
        this.ids = ids;
    }

    /** The first element whose text a comment splits, or null. */
    String commentSplits() {
        return commentSplits;
    }

    /** The first element whose text a CDATA section sits beside, or null. */
    String cdataSplits() {
        return cdataSplits;
    }

    /** How many elements outside the signature carry each of the signature's Ids. */
    Map<String, Integer> carriersOutside() {
        return carriers;
    }

    /** The name of an element outside the signature carrying {@code id}. */
    String carrierName(String id) {
        return carrierNames.get(id);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        canonical.setDocumentLocator(locator);
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        canonical.startPrefixMapping(prefix, uri);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        canonical.startElement(uri, localName, qName, attributes);
        depth++;
        if (signatureDepth == 0 && depth == 2 && CanonicalXml.DS.equals(uri) && localName.equals("Signature")) {
            signatureDepth = depth;
        }
        if (signatureDepth == 0 && !ids.isEmpty()) {
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                if ((name.equals("Id") || name.equals("ID") || name.equals("id")) && ids.contains(attributes.getValue(i))) {
                    carriers.merge(attributes.getValue(i), 1, Integer::sum);
                    carrierNames.putIfAbsent(attributes.getValue(i), localName);
                }
            }
        }
        child(Node.OTHER);
        open.push(new Open(localName));
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        canonical.endElement(uri, localName, qName);
        Open element = open.pop();
        flush(element);
        if (element.cdata && element.pieces > 1 && cdataSplits == null) {
            cdataSplits = element.name;
        }
        if (depth == signatureDepth) {
            signatureDepth = 0;
        }
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        canonical.characters(ch, start, length);
        Open element = open.peek();
        if (element == null) {
            return;
        }
        boolean nonBlank = false;
        for (int i = start; i < start + length && !nonBlank; i++) {
            nonBlank = !Character.isWhitespace(ch[i]);
        }
        if (inCdata) {
            cdataNonBlank |= nonBlank;
        } else {
            element.text = true;
            element.nonBlank |= nonBlank;
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        canonical.processingInstruction(target, data);
        child(Node.OTHER);
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        canonical.comment(ch, start, length);
        Open element = open.peek();
        if (element != null) {
            flush(element);
            // Comments one after another (blank text between them too) split the text around them as one does.
            element.previous = element.previous == Node.TEXT || element.previous == Node.COMMENT_AFTER_TEXT
                    ? Node.COMMENT_AFTER_TEXT : Node.OTHER;
        }
    }

    @Override
    public void startCDATA() {
        Open element = open.peek();
        if (element != null) {
            flush(element);
        }
        inCdata = true;
        cdataNonBlank = false;
    }

    @Override
    public void endCDATA() {
        inCdata = false;
        Open element = open.peek();
        if (element != null) {
            element.pieces++;
            element.cdata = true;
            node(element, cdataNonBlank ? Node.TEXT : Node.BLANK);
        }
    }

    @Override
    public void endDocument() {
        canonical.endDocument();
    }

    /** A child node other than text starts in the open element. */
    private void child(Node kind) {
        Open element = open.peek();
        if (element != null) {
            flush(element);
            node(element, kind);
        }
    }

    /** Ends the text node being read in {@code element}, if any. */
    private void flush(Open element) {
        if (element.text) {
            if (element.nonBlank) {
                element.pieces++;
            }
            node(element, element.nonBlank ? Node.TEXT : Node.BLANK);
            element.text = false;
            element.nonBlank = false;
        }
    }

    private void node(Open element, Node kind) {
        if (kind == Node.TEXT && element.previous == Node.COMMENT_AFTER_TEXT && commentSplits == null) {
            commentSplits = element.name;
        }
        if (!(kind == Node.BLANK && element.previous == Node.COMMENT_AFTER_TEXT)) {
            element.previous = kind;
        }
    }
}
