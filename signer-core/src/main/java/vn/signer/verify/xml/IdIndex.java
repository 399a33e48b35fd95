package vn.signer.verify.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every element of a document by the values of its Id-like attributes (Id, ID, id in any namespace,
 * so wsu:Id too). Verifiers disagree on which attribute is an Id and which of two equal Ids wins;
 * counting them all is how signer catches an Id carried twice.
 */
final class IdIndex {
    private final Map<String, List<Element>> byId = new HashMap<>();

    IdIndex(Document document) {
        add(document.getDocumentElement());
    }

    /** The elements carrying {@code id}, in document order; an element carrying it twice counts once. */
    List<Element> elements(String id) {
        return byId.getOrDefault(id, List.of());
    }

    private void add(Element element) {
        // Depth-first without recursion: a deeply nested document must not overflow the stack.
        List<Element> stack = new ArrayList<>(List.of(element));
        while (!stack.isEmpty()) {
            Element current = stack.remove(stack.size() - 1);
            NamedNodeMap attributes = current.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
                if (name.equals("Id") || name.equals("ID") || name.equals("id")) {
                    List<Element> carriers = byId.computeIfAbsent(attribute.getValue(), k -> new ArrayList<>());
                    if (!carriers.contains(current)) {
                        carriers.add(current);
                    }
                }
            }
            List<Element> children = new ArrayList<>();
            for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    children.add(e);
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
    }
}
