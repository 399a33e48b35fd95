package vn.signer.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.signer.report.Json;

/**
 * One message of a page to the plugin protocol, read strictly: the JSON object (the page sends it as a
 * string) with the Government CA plugin's field names. Fields the agent does not use are ignored, as
 * pages written for that plugin send a few of their own; a used field of the wrong type or size is refused.
 *
 * @param fileName    where to download the PDF from (the page's own origin only), or null
 * @param uploadTo    where to upload the signed PDF to (the same origin), or null
 * @param sessionId   the user's session on that server, or null
 * @param jwtToken    the user's token on that server, or null
 * @param metaData    the page's key-value pairs, relayed to the upload handler as form fields
 * @param docNumber   the document's number and symbol, or null
 * @param issuedDate  the date of issuance, or null
 */
record PluginRequest(String fileName, String uploadTo, String sessionId, String jwtToken, List<Map.Entry<String, String>> metaData,
                     String docNumber, LocalDate issuedDate) {
    private static final int URL_LIMIT = 4096;
    private static final int TOKEN_LIMIT = 16 * 1024;
    private static final int FIELD_LIMIT = 300;
    private static final int META_LIMIT = 50;
    /** The dates pages send: 2026-12-03, 03/12/2026, or a date-time whose date part is taken. */
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static PluginRequest read(String message) {
        JsonNode json;
        try {
            json = message == null || message.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(message);
        } catch (IOException e) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.plugin.json");
        }
        if (json == null || !json.isObject()) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.plugin.json");
        }
        return new PluginRequest(text(json, "FileName", URL_LIMIT), text(json, "FileUploadHandler", URL_LIMIT),
                text(json, "SessionId", TOKEN_LIMIT), text(json, "JWTToken", TOKEN_LIMIT), metaData(json),
                text(json, "DocNumber", FIELD_LIMIT), date(text(json, "IssuedDate", 40)));
    }

    /** The value of the page's MetaData key {@code key}, or null. */
    String meta(String key) {
        return metaData.stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static List<Map.Entry<String, String>> metaData(JsonNode json) {
        JsonNode list = json.path("MetaData");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > META_LIMIT) {
            throw bad("MetaData");
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (JsonNode pair : list) {
            String key = pair.isObject() ? text(pair, "Key", FIELD_LIMIT) : null;
            JsonNode value = pair.path("Value");
            // The pairs become form fields of the upload: a name that would break out of its header is refused.
            if (key == null || !key.matches("[A-Za-z0-9_.\\-]+") || !(value.isValueNode() || value.isMissingNode())
                    || value.asText("").length() > FIELD_LIMIT) {
                throw bad("MetaData");
            }
            pairs.add(Map.entry(key, value.isNull() ? "" : value.asText("")));
        }
        return List.copyOf(pairs);
    }

    private static String text(JsonNode json, String field, int limit) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > limit || value.asText().chars().anyMatch(c -> c < 0x20)) {
            throw bad(field);
        }
        return value.asText();
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text.strip(), DAY_FIRST)
                    : LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
        } catch (DateTimeParseException e) {
            throw bad("IssuedDate");
        }
    }

    private static AgentError bad(String field) {
        return AgentError.of(400, "BAD_REQUEST", "agent.plugin.field", field);
    }
}
