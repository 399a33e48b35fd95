package vn.signer.server.routes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.signer.audit.AuditEntry;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;
import vn.signer.remote.CscAlgorithms;
import vn.signer.report.Json;
import vn.signer.server.auth.Client;
import vn.signer.server.config.CscConfig;
import vn.signer.server.csc.Authorisations;
import vn.signer.server.profiles.SigningProfile;

/**
 * signer-server as a Cloud Signature Consortium API v2 service: the signing profiles whose
 * configuration says {@code csc: {enabled: true}} are credentials (their id the profile's name) of
 * the clients that may use them, who authenticate with their API key as the bearer token. Every
 * credential is SCAL2 with explicit authorisation: credentials/authorize, asked by the client itself,
 * grants a SAD bound to the hashes given (at most the credential's multisign), and
 * signatures/signHash signs only those, each once, before the SAD expires. Every hash signed is
 * audited and counted like a document signed by /v1/sign. Field names and error codes are the CSC
 * specification's; errors are {@code {"error": ..., "error_description": ...}}.
 */
final class CscHandler {
    /** The routes' prefix, whose error answers take the CSC form. */
    static final String PREFIX = "/csc/v2/";
    /** The largest body: 1,000 SHA-512 hashes in base64 and the rest. */
    private static final int BODY_LIMIT = 256 * 1024;
    /** SADs held at once across the server. */
    static final int MAX_AUTHORISATIONS = 10_000;
    /** SADs one client holds at once: a twentieth of them, so that one client cannot lock the others out. */
    static final int MAX_AUTHORISATIONS_PER_CLIENT = MAX_AUTHORISATIONS / 20;
    /** A key given twice is refused: a gateway that reads the first and this service the last would disagree. */
    private static final ObjectReader STRICT = Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final List<String> METHODS = List.of("info", "credentials/list", "credentials/info", "credentials/authorize",
            "signatures/signHash");

    private final ServerContext server;
    private final Authorisations authorisations;

    CscHandler(ServerContext server, Authorisations authorisations) {
        this.server = server;
        this.authorisations = authorisations;
    }

    void info(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specs", "2.0.0.2");
        body.put("name", "signer-server");
        body.put("logo", "");
        body.put("region", "VN");
        body.put("lang", "vi-VN");
        body.put("description", "signer-server: the organisation's signing keys as a CSC service");
        // The client's API key is the bearer token, obtained outside this API.
        body.put("authType", List.of("external"));
        body.put("methods", METHODS);
        answer(ctx, body);
    }

    void list(Context ctx) {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        JsonNode request = body(ctx);
        List<String> ids = client.profiles().stream().sorted().filter(name -> credential(name) != null).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialIDs", ids);
        if (request.path("credentialInfo").asBoolean(false)) {
            String certificates = request.path("certificates").asText("single");
            body.put("credentialInfos", ids.stream().map(id -> {
                Map<String, Object> info = info(credential(id), certificates, request.path("certInfo").asBoolean(false));
                info.put("credentialID", id);
                return info;
            }).toList());
        }
        answer(ctx, body);
    }

    void credentialInfo(Context ctx) {
        JsonNode request = body(ctx);
        SigningProfile profile = allowed(ctx, request);
        answer(ctx, info(profile, request.path("certificates").asText("single"), request.path("certInfo").asBoolean(false)));
    }

    void authorize(Context ctx) {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        JsonNode request = body(ctx);
        SigningProfile profile = allowed(ctx, request);
        CscConfig csc = profile.config().csc();
        JsonNode count = request.path("numSignatures");
        if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 1) {
            throw invalid("csc.numSignatures");
        }
        int numSignatures = count.asInt();
        if (numSignatures > csc.multisign()) {
            throw invalid("csc.multisign", numSignatures, csc.multisign());
        }
        SignatureScheme.Digest digest = digest(request);
        List<String> hashes = hashes(request, "hashes", digest);
        if (hashes.size() != numSignatures || new LinkedHashSet<>(hashes).size() != hashes.size()) {
            throw invalid("csc.hashes.count", numSignatures, hashes.size());
        }
        Duration validity = Duration.ofSeconds(csc.sadSeconds());
        String sad;
        try {
            sad = authorisations.grant(client.name(), profile.name(), new LinkedHashSet<>(hashes), validity);
        } catch (Authorisations.Refused e) {
            throw e.refusal() == Authorisations.Refusal.CLIENT_FULL
                    ? new HttpError(429, "temporarily_unavailable", "csc.sads.client", MAX_AUTHORISATIONS_PER_CLIENT)
                    : new HttpError(503, "temporarily_unavailable", "csc.sads.full", MAX_AUTHORISATIONS);
        }
        server.audit().append(new AuditEntry(Instant.now(), client.name(), "csc/authorize", profile.name(), null,
                "authorised", numSignatures + " " + digest.jcaName() + " hash(es), for " + validity.toSeconds() + " s"));
        server.metrics().signature(profile.name(), "authorised");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("SAD", sad);
        body.put("expiresIn", validity.toSeconds());
        answer(ctx, body);
    }

    void signHash(Context ctx) throws Exception {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        JsonNode request = body(ctx);
        SigningProfile profile = allowed(ctx, request);
        if (!request.path("operationMode").asText("S").equals("S")) {
            throw invalid("csc.operationMode");
        }
        SigningKey key = profile.key();
        SignatureScheme.Digest digest = digest(request);
        String signAlgo = request.path("signAlgo").asText(null);
        if (signAlgo == null || !CscAlgorithms.fits(signAlgo, key.keyAlgorithm())) {
            throw invalid("csc.signAlgo", String.valueOf(signAlgo), List.of(CscAlgorithms.signAlgorithms(key.keyAlgorithm())));
        }
        Optional<SignatureScheme.Digest> built = CscAlgorithms.digestOfSignAlgo(signAlgo);
        if (built.isPresent() && built.get() != digest) {
            throw invalid("csc.signAlgo.digest", signAlgo, digest.oid());
        }
        List<String> hashes = hashes(request, "hashes", digest);
        String sad = request.path("SAD").asText("");
        try {
            authorisations.spend(sad, client.name(), profile.name(), hashes);
        } catch (Authorisations.Refused e) {
            throw new HttpError(400, "invalid_sad", "csc.sad." + e.refusal().name());
        }
        SignatureScheme scheme = new SignatureScheme(digest, SignatureScheme.RsaPadding.PKCS1_V15);
        HexFormat hex = HexFormat.of();
        List<String> signatures = Guard.work(server, ctx, () -> {
            List<String> values = new ArrayList<>();
            for (String hash : hashes) {
                values.add(Base64.getEncoder().encodeToString(key.signDigest(hex.parseHex(hash), scheme)));
            }
            return values;
        });
        for (String hash : hashes) {
            server.audit().append(new AuditEntry(Instant.now(), client.name(), "csc/signHash", profile.name(), null, "signed",
                    digest.jcaName() + " hash " + hash));
            server.metrics().signature(profile.name(), "signed");
        }
        answer(ctx, Map.of("signatures", signatures));
    }

    /** The credential the request names, when this client may use it. */
    private SigningProfile allowed(Context ctx, JsonNode request) {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        String id = request.path("credentialID").asText(null);
        if (id == null || id.isBlank()) {
            throw invalid("csc.credentialID.missing");
        }
        SigningProfile profile = credential(id);
        if (profile == null || !client.profiles().contains(id)) {
            throw new HttpError(400, "invalid_request", "csc.credentialID.unknown");
        }
        ctx.attribute(SignHandler.PROFILE_ATTRIBUTE, id);
        return profile;
    }

    /** The profile offered as credential {@code id}, or null. */
    private SigningProfile credential(String id) {
        SigningProfile profile = server.profiles().get(id);
        return profile != null && profile.config().csc().enabled() ? profile : null;
    }

    private Map<String, Object> info(SigningProfile profile, String certificates, boolean certInfo) {
        SigningKey key = profile.key();
        X509Certificate certificate = key.certificate();
        Map<String, Object> keyInfo = new LinkedHashMap<>();
        keyInfo.put("status", "enabled");
        keyInfo.put("algo", List.of(CscAlgorithms.signAlgorithms(key.keyAlgorithm())));
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            keyInfo.put("len", rsa.getModulus().bitLength());
        } else if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            keyInfo.put("len", ec.getParams().getOrder().bitLength());
        }
        Map<String, Object> cert = new LinkedHashMap<>();
        boolean valid = !Instant.now().isBefore(certificate.getNotBefore().toInstant())
                && Instant.now().isBefore(certificate.getNotAfter().toInstant());
        cert.put("status", valid ? "valid" : "expired");
        List<X509Certificate> chain = switch (certificates) {
            case "none" -> List.of();
            case "chain" -> key.chain();
            case "single" -> List.of(certificate);
            default -> throw invalid("csc.certificates");
        };
        cert.put("certificates", chain.stream().map(CscHandler::base64).toList());
        if (certInfo) {
            cert.put("issuerDN", certificate.getIssuerX500Principal().getName());
            cert.put("serialNumber", certificate.getSerialNumber().toString(16));
            cert.put("subjectDN", certificate.getSubjectX500Principal().getName());
            cert.put("validFrom", GENERALIZED_TIME.format(certificate.getNotBefore().toInstant()));
            cert.put("validTo", GENERALIZED_TIME.format(certificate.getNotAfter().toInstant()));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("description", "signing profile " + profile.name());
        info.put("key", keyInfo);
        info.put("cert", cert);
        // The client itself asks for each authorisation (its API key, the profile allowed to it): no PIN or OTP.
        info.put("auth", Map.of("mode", "explicit", "objects", List.of()));
        info.put("authMode", "explicit");
        info.put("SCAL", "2");
        info.put("multisign", profile.config().csc().multisign());
        info.put("lang", "vi-VN");
        return info;
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a configured certificate cannot be encoded", e);
        }
    }

    private static SignatureScheme.Digest digest(JsonNode request) {
        String oid = request.path("hashAlgorithmOID").asText(null);
        if (oid == null) {
            throw invalid("csc.hashAlgorithmOID.missing");
        }
        return CscAlgorithms.digest(oid).orElseThrow(() -> invalid("csc.hashAlgorithmOID.unknown", oid));
    }

    /** The base64 hashes of {@code field}, as lower-case hex, each as long as {@code digest} makes them. */
    private static List<String> hashes(JsonNode request, String field, SignatureScheme.Digest digest) {
        JsonNode array = request.path(field);
        if (!array.isArray() || array.isEmpty()) {
            throw invalid("csc.hashes.missing", field);
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode item : array) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(item.asText(""));
            } catch (IllegalArgumentException e) {
                throw invalid("csc.hashes.notBase64", field);
            }
            if (hash.length != digest.length()) {
                throw invalid("csc.hashes.length", digest.jcaName(), digest.length(), hash.length);
            }
            hashes.add(HexFormat.of().formatHex(hash));
        }
        return hashes;
    }

    /** The JSON body, small; an empty body is an empty object (info takes none). */
    private static JsonNode body(Context ctx) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(BODY_LIMIT + 1);
        } catch (IOException e) {
            throw HttpError.badRequest("body.unreadable");
        }
        if (body.length > BODY_LIMIT) {
            throw new HttpError(413, "invalid_request", "csc.tooLarge", BODY_LIMIT);
        }
        if (body.length == 0) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid("csc.body");
            }
            return node;
        } catch (IOException e) {
            throw invalid("csc.body");
        }
    }

    private static HttpError invalid(String key, Object... args) {
        return new HttpError(400, "invalid_request", key, args);
    }

    private static void answer(Context ctx, Object body) {
        ctx.status(200).contentType("application/json").result(Json.line(body));
    }
}
