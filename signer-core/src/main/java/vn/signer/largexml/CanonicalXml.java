package vn.signer.largexml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.ext.Locator2;
import vn.signer.work.Cancellation;

/**
 * The canonical form (Canonical XML 1.0 and 1.1, exclusive XML canonicalization, with or without
 * comments) of a whole document read as SAX events, written as it is read: what an XMLDSig reference
 * to "" with the enveloped-signature transform digests, without a tree of the document.
 *
 * <p>For the whole document less the signatures directly under its root, 1.0 and 1.1 write the same
 * (they differ only in the xml: attributes an element inherits from an ancestor left out, and no
 * element here has one). Either every child of the root but its ds:Signature elements is written (the
 * digest), or only those signatures, inside the root's start and end tags (the stand-in: a small
 * document with the signature in the same namespace context as in the document).
 */
final class CanonicalXml extends SaxEvents {
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final Comparator<String[]> BY_NAMESPACE_THEN_NAME =
            Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]);

    /** What a canonicalization writes: namespaces as inclusive or exclusive C14N does, comments or not. */
    record Method(boolean exclusive, boolean comments) {
    }

    private final Writer out;
    private final Method method;
    private final boolean signaturesOnly;
    /** Namespaces in scope at each open element, and those its output ancestors have rendered. */
    private final Deque<Map<String, String>> inScope = new ArrayDeque<>();
    private final Deque<Map<String, String>> rendered = new ArrayDeque<>();
    private final Map<String, String> declared = new TreeMap<>();
    private Locator locator;
    private int depth;
    /** The depth of the element being left out, its descendants with it; 0 when writing. */
    private int skipFrom;
    private boolean rootEnded;
    private long elements;
    private int signatures;
    private int signaturesUnderRoot;
    private String rootName;
    private String encoding;

    /**
     * @param signaturesOnly write only the root's tags and the ds:Signature elements directly under it,
     *                       rather than everything but those
     */
    CanonicalXml(Writer out, Method method, boolean signaturesOnly) {
        this.out = out;
        this.method = method;
        this.signaturesOnly = signaturesOnly;
        Map<String, String> none = Map.of("", "");
        inScope.push(none);
        rendered.push(none);
    }

    /** How many ds:Signature elements the document holds, at any depth. */
    int signatures() {
        return signatures;
    }

    /** How many of them are children of the root (the only place an enveloped signature of "" is read from here). */
    int signaturesUnderRoot() {
        return signaturesUnderRoot;
    }

    /** The root element's qualified name, as written in the document. */
    String rootName() {
        return rootName;
    }

    /** The encoding the document is written in, as the parser found it (null if unknown). */
    String encoding() {
        return encoding;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        declared.put(prefix, uri);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        depth++;
        if ((++elements & 0xFFFF) == 0) {
            Cancellation.check();
        }
        boolean signature = DS.equals(uri) && localName.equals("Signature");
        if (signature) {
            signatures++;
            if (depth == 2) {
                signaturesUnderRoot++;
            }
        }
        if (depth == 1) {
            rootName = qName;
            encoding = locator instanceof Locator2 l ? l.getEncoding() : null;
        }
        if (skipFrom == 0 && depth == 2 && signature != signaturesOnly) {
            skipFrom = depth;
        }
        if (skipFrom != 0) {
            declared.clear();
            return;
        }
        Map<String, String> scope = inScope.peek();
        if (!declared.isEmpty()) {
            scope = new HashMap<>(scope);
            scope.putAll(declared);
            declared.clear();
        }
        Map<String, String> done = rendered.peek();
        Map<String, String> render = new TreeMap<>();
        if (method.exclusive()) {
            utilise(prefixOf(qName), scope, done, render);
            for (int i = 0; i < attributes.getLength(); i++) {
                String prefix = prefixOf(attributes.getQName(i));
                if (!prefix.isEmpty()) {
                    utilise(prefix, scope, done, render);
                }
            }
        } else {
            for (Map.Entry<String, String> ns : scope.entrySet()) {
                consider(ns.getKey(), ns.getValue(), done, render);
            }
        }
        if (!render.isEmpty()) {
            done = new HashMap<>(done);
            done.putAll(render);
        }
        inScope.push(scope);
        rendered.push(done);
        write("<");
        write(qName);
        for (Map.Entry<String, String> ns : render.entrySet()) {
            write(ns.getKey().isEmpty() ? " xmlns=\"" : " xmlns:" + ns.getKey() + "=\"");
            attributeText(ns.getValue());
            write("\"");
        }
        List<String[]> sorted = new ArrayList<>(attributes.getLength());
        for (int i = 0; i < attributes.getLength(); i++) {
            sorted.add(new String[] {attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i), attributes.getValue(i)});
        }
        sorted.sort(BY_NAMESPACE_THEN_NAME);
        for (String[] attribute : sorted) {
            write(" ");
            write(attribute[2]);
            write("=\"");
            attributeText(attribute[3]);
            write("\"");
        }
        write(">");
    }

    private static void utilise(String prefix, Map<String, String> scope, Map<String, String> done, Map<String, String> render) {
        if (!prefix.equals("xml")) {
            consider(prefix, scope.getOrDefault(prefix, ""), done, render);
        }
    }

    private static void consider(String prefix, String value, Map<String, String> done, Map<String, String> render) {
        if (!prefix.equals("xml") && !value.equals(done.getOrDefault(prefix, ""))) {
            render.put(prefix, value);
        }
    }

    private static String prefixOf(String qName) {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (skipFrom != 0) {
            if (depth == skipFrom) {
                skipFrom = 0;
            }
        } else {
            write("</");
            write(qName);
            write(">");
            inScope.pop();
            rendered.pop();
        }
        if (--depth == 0) {
            rootEnded = true;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipFrom == 0 && depth > 0 && !(signaturesOnly && depth == 1)) {
            text(ch, start, length, false);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        if (written()) {
            outside("<?" + target + (data == null || data.isEmpty() ? "" : " " + data) + "?>");
        }
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        if (method.comments() && written()) {
            outside("<!--" + new String(ch, start, length) + "-->");
        }
    }

    /** Whether a comment or processing instruction here is written: not in what is left out. */
    private boolean written() {
        return skipFrom == 0 && !(signaturesOnly && depth <= 1);
    }

    /** A comment or processing instruction, with the line break C14N puts between it and the root outside it. */
    private void outside(String node) {
        if (depth == 0 && rootEnded) {
            write("\n");
        }
        write(node);
        if (depth == 0 && !rootEnded) {
            write("\n");
        }
    }

    @Override
    public void endDocument() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void attributeText(String value) {
        char[] chars = value.toCharArray();
        text(chars, 0, chars.length, true);
    }

    /** Text or an attribute value, escaped as C14N does. */
    private void text(char[] ch, int start, int length, boolean attribute) {
        try {
            int run = start;
            int end = start + length;
            for (int i = start; i < end; i++) {
                String escape = switch (ch[i]) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> attribute ? null : "&gt;";
                    case '"' -> attribute ? "&quot;" : null;
                    case '\t' -> attribute ? "&#x9;" : null;
                    case '\n' -> attribute ? "&#xA;" : null;
                    case '\r' -> "&#xD;";
                    default -> null;
                };
                if (escape != null) {
                    out.write(ch, run, i - run);
                    out.write(escape);
                    run = i + 1;
                }
            }
            out.write(ch, run, end - run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
