package vn.signer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A JSON report reduced to what must not depend on the language: for comparing two renderings. */
public final class ReportFacts {
    private ReportFacts() {
    }

    /**
     * {@code node} with every "message" removed (gathered in {@code messages}, in order) and the times
     * of the run itself (validationTime, bestSignatureTime); changes {@code node} and returns it.
     */
    public static JsonNode withoutMessages(JsonNode node, List<String> messages) {
        if (node instanceof ObjectNode object) {
            if (object.has("message")) {
                messages.add(object.remove("message").asText());
            }
            object.remove(List.of("validationTime", "bestSignatureTime"));
        }
        node.forEach(child -> withoutMessages(child, messages));
        return node;
    }
}
