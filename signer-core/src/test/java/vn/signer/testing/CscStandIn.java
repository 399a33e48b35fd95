package vn.signer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import vn.signer.report.Json;

/**
 * A STAND-IN for a remote signing service we cannot reach (a CA's CSC service whose holders confirm
 * on a phone): a loopback server that follows the shapes of the Cloud Signature Consortium API v1.0.4
 * and v2.0 (info, auth/login, oauth2/token, credentials/list, credentials/info,
 * credentials/authorize, credentials/authorizeCheck, signatures/signHash) with one credential, an RSA
 * key of the test PKI. How the holder answers is set per test: confirm at once, confirm after some
 * polls (the asynchronous flow: 202 and authorizeCheck), refuse, never confirm; an OTP it demands; a
 * wrong signature value it returns. It counts authorisations.
 */
public final class CscStandIn implements AutoCloseable {
    public static final String CREDENTIAL = "officer-remote";
    public static final String CLIENT_ID = "dms-client";
    public static final String SECRET = "stand-in-secret";
    public static final String OTP = "123456";

    /** What the holder does with an authorisation. */
    public enum Holder { CONFIRMS_AT_ONCE, CONFIRMS_ON_PHONE, REFUSES, NEVER_ANSWERS }

    private final HttpServer server;
    private final TestPki.Entity key;
    private final AtomicInteger authorisations = new AtomicInteger();
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> sads = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile Holder holder = Holder.CONFIRMS_AT_ONCE;
    private volatile int pollsBeforeConfirming = 2;
    private volatile int confirmationSeconds = 30;
    private volatile boolean otp;
    private volatile boolean wrongValues;
    private volatile int multisign = 10;

    private CscStandIn(TestPki.Entity key) throws IOException {
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public static CscStandIn start(TestPki.Entity key) {
        try {
            return new CscStandIn(key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The v2 (or v1) base address. */
    public String url(int version) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v" + version;
    }

    public CscStandIn holder(Holder holder) {
        this.holder = holder;
        return this;
    }

    /** For {@link Holder#CONFIRMS_ON_PHONE}: the polls answered 202 before the SAD; for others, how long a confirmation may take. */
    public CscStandIn phone(int pollsBeforeConfirming, int confirmationSeconds) {
        this.pollsBeforeConfirming = pollsBeforeConfirming;
        this.confirmationSeconds = confirmationSeconds;
        return this;
    }

    public CscStandIn otp(boolean required) {
        this.otp = required;
        return this;
    }

    public CscStandIn wrongValues(boolean wrong) {
        this.wrongValues = wrong;
        return this;
    }

    public CscStandIn multisign(int multisign) {
        this.multisign = multisign;
        return this;
    }

    public int authorisations() {
        return authorisations.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean v1 = path.startsWith("/csc/v1/");
            String method = path.replaceFirst("^/csc/v[12]/", "");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Object[] answer = answer(exchange, method, v1, body);
            byte[] out = Json.line(answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private static Object[] error(int status, String error, String description) {
        return new Object[] {status, Map.of("error", error, "error_description", description)};
    }

    private Object[] answer(HttpExchange exchange, String method, boolean v1, byte[] body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        switch (method) {
            case "info" -> {
                return new Object[] {200, Map.of("specs", v1 ? "1.0.4.0" : "2.0.0.2", "name", "CSC stand-in", "region", "VN",
                        "authType", List.of("basic", "oauth2client"), "oauth2", url(v1 ? 1 : 2),
                        "methods", List.of("auth/login", "credentials/list", "credentials/info", "credentials/authorize",
                                "credentials/authorizeCheck", "signatures/signHash"))};
            }
            case "auth/login" -> {
                String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
                return expected.equals(authorization) ? new Object[] {200, Map.of("access_token", token(), "expires_in", 3600)}
                        : error(401, "invalid_client", "wrong client id or secret");
            }
            case "oauth2/token" -> {
                String form = new String(body, StandardCharsets.UTF_8);
                return form.contains("grant_type=client_credentials") && form.contains("client_id=" + CLIENT_ID)
                        && form.contains("client_secret=" + SECRET) ? new Object[] {200, Map.of("access_token", token(),
                        "token_type", "Bearer", "expires_in", 3600)} : error(400, "invalid_client", "wrong client credentials");
            }
            default -> {
            }
        }
        if (authorization == null || !(tokens.containsKey(authorization.replace("Bearer ", ""))
                || authorization.equals("Bearer " + SECRET))) {
            return error(401, "invalid_token", "no valid access token");
        }
        JsonNode request = Json.mapper().readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        switch (method) {
            case "credentials/list" -> {
                return new Object[] {200, Map.of("credentialIDs", List.of(CREDENTIAL))};
            }
            case "credentials/info" -> {
                List<String> chain = new ArrayList<>();
                try {
                    chain.add(Base64.getEncoder().encodeToString(key.certificate().getEncoded()));
                    for (var issuer : key.chain()) {
                        if (!issuer.equals(key.certificate())) {
                            chain.add(Base64.getEncoder().encodeToString(issuer.getEncoded()));
                        }
                    }
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("key", Map.of("status", "enabled", "algo", List.of("1.2.840.113549.1.1.11"), "len", 2048));
                info.put("cert", Map.of("status", "valid", "certificates", chain));
                info.put("authMode", "explicit");
                info.put("SCAL", "2");
                info.put("multisign", multisign);
                if (v1) {
                    info.put("PIN", Map.of("presence", "false"));
                    info.put("OTP", Map.of("presence", otp ? "true" : "false", "type", "offline"));
                } else {
                    info.put("auth", Map.of("mode", "explicit", "objects", otp
                            ? List.of(Map.of("type", "OTP", "id", "OTP", "format", "N")) : List.of()));
                }
                return new Object[] {200, info};
            }
            case "credentials/authorize" -> {
                authorisations.incrementAndGet();
                int count = request.path("numSignatures").asInt();
                if (otp) {
                    String given = v1 ? request.path("OTP").asText("") : request.path("authData").path(0).path("value").asText("");
                    if (!OTP.equals(given)) {
                        return error(400, "invalid_otp", "the OTP is wrong");
                    }
                }
                return switch (holder) {
                    case CONFIRMS_AT_ONCE -> sad(count);
                    case REFUSES, NEVER_ANSWERS, CONFIRMS_ON_PHONE -> {
                        String id = "auth-" + authorisations.get();
                        pending.put(id, count);
                        yield new Object[] {202, Map.of("authorizationID", id, "expiresIn", confirmationSeconds)};
                    }
                };
            }
            case "credentials/authorizeCheck" -> {
                String id = request.path("authorizationID").asText();
                if (!pending.containsKey(id)) {
                    return error(400, "invalid_request", "unknown authorizationID");
                }
                return switch (holder) {
                    case REFUSES -> error(400, "access_denied", "the holder refused");
                    case NEVER_ANSWERS -> new Object[] {202, Map.of("status", "pending")};
                    default -> {
                        int polls = pending.merge(id + "#polls", 1, Integer::sum);
                        yield polls <= pollsBeforeConfirming ? new Object[] {202, Map.of("status", "pending")} : sad(pending.get(id));
                    }
                };
            }
            case "signatures/signHash" -> {
                String sad = request.path("SAD").asText();
                JsonNode hashes = request.path(v1 ? "hash" : "hashes");
                Integer left = sads.get(sad);
                if (left == null || left < hashes.size()) {
                    return error(400, "invalid_sad", "unknown or spent SAD");
                }
                sads.put(sad, left - hashes.size());
                List<String> signatures = new ArrayList<>();
                for (JsonNode hash : hashes) {
                    signatures.add(Base64.getEncoder().encodeToString(sign(Base64.getDecoder().decode(hash.asText()))));
                }
                return new Object[] {200, Map.of("signatures", signatures)};
            }
            default -> {
                return error(404, "invalid_request", "no such method");
            }
        }
    }

    private Object[] sad(int count) {
        String sad = "sad-" + java.util.UUID.randomUUID();
        sads.put(sad, count);
        return new Object[] {200, Map.of("SAD", sad, "expiresIn", 300)};
    }

    private String token() {
        String token = "token-" + java.util.UUID.randomUUID();
        tokens.put(token, CLIENT_ID);
        return token;
    }

    private byte[] sign(byte[] hash) throws IOException {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key.key());
            rsa.update(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), hash).getEncoded());
            byte[] value = rsa.sign();
            if (wrongValues) {
                value[value.length / 2] ^= 1;
            }
            return value;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
