package vn.signer.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import vn.signer.keys.SignatureScheme;

/**
 * A page's POST /v1/sign, read strictly: the certificate's id, the digest algorithm, the data to sign
 * (what split signing's prepare answered) and the document as the site states it.
 *
 * @param certificate        the SHA-256 of the signer's certificate, lower-case hex
 * @param digest             the digest algorithm
 * @param dataToSign         the DigestInfo (RSA PKCS#1 v1.5) or the digest (ECDSA)
 * @param signatureAlgorithm the JCA name, e.g. SHA256withRSA; it must agree with the digest and the key
 * @param document           what the page says it is
 */
record SignRequest(String certificate, SignatureScheme.Digest digest, byte[] dataToSign, String signatureAlgorithm,
                   Ask.StatedDocument document) {
    /** A stated field's largest length: names and numbers, not documents. */
    private static final int FIELD_LIMIT = 300;

    static SignRequest read(JsonNode json) {
        String certificate = text(json, "certificate", 64).toLowerCase(Locale.ROOT);
        if (!certificate.matches("[0-9a-f]{64}")) {
            throw bad("certificate");
        }
        SignatureScheme.Digest digest = digest(text(json, "digestAlgorithm", 16));
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text(json, "dataToSign", 1024));
        } catch (IllegalArgumentException e) {
            throw bad("dataToSign");
        }
        String algorithm = text(json, "signatureAlgorithm", 40);
        String compact = digest.jcaName().replace("-", "");
        if (!algorithm.equals(compact + "withRSA") && !algorithm.equals(compact + "withECDSA")) {
            throw bad("signatureAlgorithm");
        }
        // The same form SigningKey.signPrepared requires, checked here too so that a page sending anything
        // else is refused before the person is asked about it.
        boolean rsa = algorithm.endsWith("withRSA");
        if (rsa ? !digest.isDigestInfo(data) : data.length != digest.length()) {
            throw AgentError.of(400, "BAD_REQUEST", rsa ? "agent.error.notDigestInfo" : "agent.error.notDigest",
                    digest.jcaName(), data.length);
        }
        JsonNode d = json.path("document");
        if (!d.isMissingNode() && !d.isObject()) {
            throw bad("document");
        }
        Ask.StatedDocument document = new Ask.StatedDocument(optional(d, "name"), optional(d, "number"), optional(d, "mode"),
                optional(d, "sha256"));
        return new SignRequest(certificate, digest, data, algorithm, document);
    }

    /** Whether the request is for an RSA key (else ECDSA). */
    boolean rsa() {
        return signatureAlgorithm.endsWith("withRSA");
    }

    /** The digest the person is shown: the one inside the DigestInfo, or the data itself. */
    String hashHex() {
        int length = Math.min(digest.length(), dataToSign.length);
        return HexFormat.of().formatHex(dataToSign, dataToSign.length - length, dataToSign.length);
    }

    private static SignatureScheme.Digest digest(String name) {
        for (SignatureScheme.Digest d : SignatureScheme.Digest.values()) {
            if (d.jcaName().equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw bad("digestAlgorithm");
    }

    private static String text(JsonNode json, String field, int limit) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > limit) {
            throw bad(field);
        }
        return value.asText();
    }

    private static String optional(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > FIELD_LIMIT) {
            throw bad("document." + field);
        }
        return value.asText();
    }

    private static AgentError bad(String field) {
        return AgentError.of(400, "BAD_REQUEST", "agent.error.field", field);
    }
}
