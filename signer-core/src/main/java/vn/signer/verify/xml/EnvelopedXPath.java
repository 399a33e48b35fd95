package vn.signer.verify.xml;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The XPath transforms that only take signatures out of what is signed, as the enveloped-signature
 * transform does: DSS writes XPath Filter 2.0 "subtract /descendant::ds:Signature" for enveloped
 * XAdES, and the XMLDSig recommendation's own example is XPath "not(ancestor-or-self::ds:Signature)".
 * Any other XPath selects content signer cannot reason about.
 */
public final class EnvelopedXPath {
    static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    static final String FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    private static final Pattern SUBTRACT = Pattern.compile("/descendant::(\\w+):Signature|here\\(\\)/ancestor::(\\w+):Signature\\[1]");
    private static final Pattern NOT_SIGNATURE = Pattern.compile("not\\(ancestor-or-self::(\\w+):Signature\\)");

    private EnvelopedXPath() {
    }

    /** Whether {@code transform} (a ds:Transform) removes signatures and selects nothing else. */
    public static boolean matches(Element transform) {
        String algorithm = transform.getAttribute("Algorithm");
        List<Element> xpaths = XmlInspection.children(transform, "XPath");
        if (xpaths.size() != 1) {
            return false;
        }
        Element xpath = xpaths.get(0);
        String expression = xpath.getTextContent().strip();
        if (FILTER2.equals(algorithm) && FILTER2.equals(xpath.getNamespaceURI()) && "subtract".equals(xpath.getAttribute("Filter"))) {
            return bindsDs(xpath, SUBTRACT.matcher(expression));
        }
        return XPATH.equals(algorithm) && bindsDs(xpath, NOT_SIGNATURE.matcher(expression));
    }

    /** The expression matched, and its prefix means the XMLDSig namespace where it is written. */
    private static boolean bindsDs(Element xpath, Matcher matcher) {
        if (!matcher.matches()) {
            return false;
        }
        String prefix = matcher.group(1) != null ? matcher.group(1) : matcher.group(matcher.groupCount());
        return XmlInspection.DS.equals(xpath.lookupNamespaceURI(prefix));
    }
}
