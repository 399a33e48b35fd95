package vn.signer.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.SignatureScheme;

/**
 * The calls of the Cloud Signature Consortium API that signing needs, in v2.0 or v1.0.4 (told by the
 * address: {@code …/csc/v1} or {@code …/v1} is v1, anything else v2): info, authentication (the secret
 * as the bearer token, auth/login with HTTP Basic, or OAuth 2.0 client credentials), credentials/list,
 * credentials/info, credentials/authorize (with the holder's PIN or OTP when the credential asks one,
 * and the asynchronous flow: 202, then credentials/authorizeCheck until the holder confirms, refuses
 * or the time runs out) and signatures/signHash. Not for use from several threads at once, except
 * {@link #signHashes}, which is.
 */
final class CscClient {
    /** How often a pending authorisation is asked about. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** How long a holder may take to confirm when the service does not say. */
    static final Duration DEFAULT_CONFIRMATION = Duration.ofMinutes(5);
    /** The longest wait for a holder, whatever the service says. */
    static final Duration MAX_CONFIRMATION = Duration.ofMinutes(15);
    /** The most characters of the service's own words (an error's description) put into a message. */
    static final int MAX_SAID = 300;

    private final JsonCalls calls;
    private final boolean v1;
    private final boolean allowLoopbackHttp;
    private final String host;
    private List<String> methods = List.of();
    private String oauth2;
    private volatile String bearer;

    CscClient(URI service, boolean allowLoopbackHttp) {
        this(service, allowLoopbackHttp, JsonCalls.ANSWER);
    }

    /** @param answerTime how long one answer of the service may take */
    CscClient(URI service, boolean allowLoopbackHttp, Duration answerTime) {
        this.calls = new JsonCalls(service, allowLoopbackHttp, answerTime);
        this.allowLoopbackHttp = allowLoopbackHttp;
        String path = calls.base().getPath();
        this.v1 = path.endsWith("/v1/");
        this.host = JsonCalls.hostOf(calls.base());
    }

    String host() {
        return host;
    }

    /** info: what the service offers. */
    void info() {
        JsonCalls.Answer answer = calls.post("info", Map.of(), null);
        requireOk(answer, "info");
        List<String> offered = new ArrayList<>();
        answer.body().path("methods").forEach(m -> offered.add(m.asText()));
        this.methods = offered;
        this.oauth2 = answer.body().path("oauth2").asText("");
        for (String needed : List.of("credentials/list", "credentials/info", "credentials/authorize", "signatures/signHash")) {
            if (!methods.contains(needed)) {
                throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.method.missing", host, needed,
                        said(String.join(", ", methods))));
            }
        }
    }

    /** Obtains the access token; the secret is wiped by the caller. */
    void authenticate(CscAuth auth, String clientId, char[] secret) {
        String given = new String(secret);
        switch (auth) {
            case EXTERNAL -> bearer = "Bearer " + given;
            case LOGIN -> {
                requireMethod("auth/login");
                String basic = Base64.getEncoder().encodeToString((clientId + ":" + given).getBytes(StandardCharsets.UTF_8));
                JsonCalls.Answer answer = calls.post("auth/login", Map.of(), "Basic " + basic);
                bearer = "Bearer " + token(answer, "auth/login", given, basic);
            }
            case OAUTH2 -> {
                String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + "&client_secret=" + URLEncoder.encode(given, StandardCharsets.UTF_8);
                JsonCalls.Answer answer = calls.postForm(oauth2Base().resolve("oauth2/token"), form, null, allowLoopbackHttp);
                bearer = "Bearer " + token(answer, "oauth2/token", given, URLEncoder.encode(given, StandardCharsets.UTF_8));
            }
        }
    }

    /** Where oauth2/token is: the address info gave, which the service wrote and may be no address at all. */
    private URI oauth2Base() {
        if (oauth2 == null || oauth2.isBlank()) {
            return calls.base();
        }
        try {
            return new URI(oauth2.endsWith("/") ? oauth2 : oauth2 + "/");
        } catch (URISyntaxException e) {
            throw unreadable("info", "oauth2 is not an address");
        }
    }

    private String token(JsonCalls.Answer answer, String method, String... secrets) {
        if (answer.status() == 400 || answer.status() == 401) {
            throw new SignerException(ErrorCode.PIN_REFUSED, Problem.of("remote.login.refused", host, method,
                    said(answer.description(), secrets)));
        }
        requireOk(answer, method, secrets);
        String token = answer.body().path("access_token").asText("");
        if (token.isEmpty()) {
            throw unreadable(method, "no access_token");
        }
        return token;
    }

    /** credentials/list: the ids of the client's credentials. */
    List<String> list() {
        JsonCalls.Answer answer = call("credentials/list", Map.of());
        List<String> ids = new ArrayList<>();
        answer.body().path("credentialIDs").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** credentials/info with the chain. */
    CscCredential credential(String id) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("credentialID", id);
        request.put("certificates", "chain");
        request.put("certInfo", false);
        request.put("authInfo", true);
        JsonNode info = call("credentials/info", request).body();
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode certificate : info.path("cert").path("certificates")) {
            chain.add(certificate(certificate.asText()));
        }
        if (chain.isEmpty()) {
            throw unreadable("credentials/info", "no certificate for credential " + id);
        }
        boolean pin = "true".equals(info.path("PIN").path("presence").asText());
        boolean otp = "true".equals(info.path("OTP").path("presence").asText());
        for (JsonNode object : info.path("auth").path("objects")) {
            pin |= "PIN".equalsIgnoreCase(object.path("id").asText()) || "Password".equals(object.path("type").asText());
            otp |= "OTP".equalsIgnoreCase(object.path("id").asText()) || "OTP".equals(object.path("type").asText());
        }
        return new CscCredential(id, chain, Math.max(1, info.path("multisign").asInt(1)), pin, otp);
    }

    private X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw unreadable("credentials/info", "a certificate is not base64 DER X.509");
        }
    }

    /**
     * credentials/authorize for {@code hashes}, waiting for the holder when the service answers 202.
     *
     * @param pin the holder's PIN or null; @param otp the one-time password or null
     * @return the SAD
     */
    String authorize(CscCredential credential, List<byte[]> hashes, SignatureScheme.Digest digest, char[] pin, char[] otp,
                     String description, Waiting waiting) {
        String pinText = pin == null ? null : new String(pin);
        String otpText = otp == null ? null : new String(otp);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("credentialID", credential.id());
        request.put("numSignatures", hashes.size());
        request.put(v1 ? "hash" : "hashes", base64(hashes));
        if (!v1) {
            request.put("hashAlgorithmOID", digest.oid());
        }
        request.put("description", description);
        if (v1) {
            if (pin != null) {
                request.put("PIN", pinText);
            }
            if (otp != null) {
                request.put("OTP", otpText);
            }
        } else if (pin != null || otp != null) {
            List<Map<String, String>> authData = new ArrayList<>();
            if (pin != null) {
                authData.add(Map.of("id", "PIN", "value", pinText));
            }
            if (otp != null) {
                authData.add(Map.of("id", "OTP", "value", otpText));
            }
            request.put("authData", authData);
        }
        JsonCalls.Answer answer = calls.post("credentials/authorize", request, bearer);
        if (answer.status() == 202) {
            return awaitConfirmation(credential, answer.body(), waiting);
        }
        refusals(answer, "credentials/authorize", pinText, otpText);
        return sad(answer, "credentials/authorize", pinText, otpText);
    }

    /** credentials/authorizeCheck until a SAD, a refusal, or the end of the time the service gave. */
    private String awaitConfirmation(CscCredential credential, JsonNode pending, Waiting waiting) {
        requireMethod("credentials/authorizeCheck");
        String handle = pending.path("authorizationID").asText("");
        if (handle.isEmpty()) {
            throw unreadable("credentials/authorize", "202 without authorizationID");
        }
        long seconds = Math.min(MAX_CONFIRMATION.toSeconds(), Math.max(1, pending.path("expiresIn")
                .asLong(DEFAULT_CONFIRMATION.toSeconds())));
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    throw new SignerException(ErrorCode.REMOTE_EXPIRED, Problem.of("remote.expired", host, seconds));
                }
                waiting.waiting(host, left);
                sleep(POLL.compareTo(left) < 0 ? POLL : left);
                JsonCalls.Answer answer = calls.post("credentials/authorizeCheck",
                        Map.of("credentialID", credential.id(), "authorizationID", handle), bearer);
                if (answer.status() == 202) {
                    continue;
                }
                refusals(answer, "credentials/authorizeCheck");
                return sad(answer, "credentials/authorizeCheck");
            }
        } finally {
            waiting.over();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.interrupted.key"), e);
        }
    }

    private String sad(JsonCalls.Answer answer, String method, String... secrets) {
        requireOk(answer, method, secrets);
        String sad = answer.body().path("SAD").asText("");
        if (sad.isEmpty()) {
            throw unreadable(method, "no SAD");
        }
        return sad;
    }

    /** signatures/signHash; safe from several threads. */
    List<byte[]> signHashes(CscCredential credential, String sad, List<byte[]> hashes, SignatureScheme scheme) {
        if (scheme.padding() == SignatureScheme.RsaPadding.PSS && "RSA".equals(keyAlgorithm(credential))) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("remote.pss", host));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("credentialID", credential.id());
        request.put("SAD", sad);
        request.put(v1 ? "hash" : "hashes", base64(hashes));
        request.put(v1 ? "hashAlgo" : "hashAlgorithmOID", scheme.digest().oid());
        request.put("signAlgo", CscAlgorithms.signAlgo(keyAlgorithm(credential), scheme.digest()));
        if (!v1) {
            request.put("operationMode", "S");
        }
        JsonCalls.Answer answer = calls.post("signatures/signHash", request, bearer);
        refusals(answer, "signatures/signHash");
        requireOk(answer, "signatures/signHash");
        List<byte[]> values = new ArrayList<>();
        for (JsonNode value : answer.body().path("signatures")) {
            try {
                values.add(Base64.getDecoder().decode(value.asText()));
            } catch (IllegalArgumentException e) {
                throw unreadable("signatures/signHash", "a signature is not base64");
            }
        }
        return values;
    }

    private static String keyAlgorithm(CscCredential credential) {
        return credential.chain().get(0).getPublicKey().getAlgorithm();
    }

    private JsonCalls.Answer call(String method, Map<String, Object> body) {
        JsonCalls.Answer answer = calls.post(method, body, bearer);
        requireOk(answer, method);
        return answer;
    }

    /** The answers that say the holder refused, did not confirm in time, or gave a wrong PIN or OTP. */
    private void refusals(JsonCalls.Answer answer, String method, String... secrets) {
        if (answer.ok()) {
            return;
        }
        String error = answer.error();
        String description = answer.description().toLowerCase(Locale.ROOT);
        if (error.equals("access_denied")) {
            throw new SignerException(ErrorCode.REMOTE_REFUSED, Problem.of("remote.refused", host));
        }
        if (error.equals("expired_token") || error.equals("invalid_sad") && description.contains("expired")) {
            throw new SignerException(ErrorCode.REMOTE_EXPIRED, Problem.of("remote.sadExpired", host, method));
        }
        if (error.equals("invalid_otp") || error.equals("invalid_pin")
                || error.equals("invalid_request") && (description.contains("otp") || description.contains("pin"))) {
            throw new SignerException(ErrorCode.REMOTE_OTP_REFUSED, Problem.of("remote.otpRefused", host,
                    said(answer.description(), secrets)));
        }
    }

    private void requireOk(JsonCalls.Answer answer, String method, String... secrets) {
        if (!answer.ok()) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.answer", host, answer.status(), method,
                    said(answer.error(), secrets), said(answer.description(), secrets)));
        }
    }

    /**
     * The service's own words, for a message: without the access token or a secret it was just given
     * (a service may echo what it was sent, and messages reach terminals and logs), and short.
     */
    private String said(String text, String... secrets) {
        String out = text;
        String token = bearer == null ? null : bearer.substring("Bearer ".length());
        for (String secret : secrets) {
            out = redact(out, secret);
        }
        out = redact(out, token);
        return out.length() > MAX_SAID ? out.substring(0, MAX_SAID) + "…" : out;
    }

    private static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private void requireMethod(String method) {
        if (!methods.contains(method)) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.method.missing", host, method,
                    said(String.join(", ", methods))));
        }
    }

    private SignerException unreadable(String method, String what) {
        return new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("remote.answer.unreadable", host, method, what));
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    /** Wipes a secret or PIN copy. */
    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
