package vn.signer.verify.xml;

import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.signer.verify.Verdict;
import vn.signer.verify.xml.XmlFinding.Problem;

/**
 * The Vietnamese e-invoice (Decree 123/2020, Circular 78/2021): {@code HDon} holds the invoice data
 * {@code DLHDon} and, in {@code DSCKS/NBan|NMua|CQT|...}, each party's XMLDSig signature. A signature
 * there covers what the law asks of it when it signs that one DLHDon (by Id) and its own
 * SignatureProperty with the SigningTime; other references may add more of the invoice (the tax
 * authority's code MCCQT, say), never anything outside it.
 */
final class EInvoiceProfile {
    static final String NAME = "e-invoice";

    private EInvoiceProfile() {
    }

    /**
     * @return {@link #NAME} when {@code signature} meets the profile; null when it does not (adding an
     *         INVALID problem when the signed DLHDon is not the invoice's own)
     */
    static String check(Element signature, List<Element> content, List<Element> properties, List<Problem> problems) {
        Element root = signature.getOwnerDocument().getDocumentElement();
        List<Element> signedData = content.stream().filter(e -> "DLHDon".equals(e.getLocalName())).toList();
        if (!"HDon".equals(root.getLocalName()) || signedData.isEmpty()) {
            return null;
        }
        int inDocument = root.getOwnerDocument().getElementsByTagNameNS("*", "DLHDon").getLength();
        if (inDocument != 1 || signedData.get(0).getParentNode() != root) {
            // A second DLHDon, or the signed one moved away from HDon: a reader may see other invoice data.
            problems.add(new Problem(Verdict.INVALID, "xml.einvoice.data", List.of(Integer.toString(inDocument))));
            return null;
        }
        Node holder = signature.getParentNode();
        boolean placed = holder instanceof Element party && party.getParentNode() instanceof Element list
                && "DSCKS".equals(list.getLocalName()) && list.getParentNode() == root;
        boolean signsItsTime = properties.stream()
                .anyMatch(p -> p.getElementsByTagNameNS("*", "SigningTime").getLength() > 0);
        boolean onlyInvoiceParts = content.stream().allMatch(e -> e.getParentNode() == root);
        return placed && signsItsTime && onlyInvoiceParts ? NAME : null;
    }
}
