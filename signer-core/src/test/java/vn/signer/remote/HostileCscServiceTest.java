package vn.signer.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.report.Json;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;

/**
 * The CSC client against a HOSTILE service on loopback (a CA's service is written by whoever runs
 * it): endless, dripping and redirected answers, an info that lies, a chain that is not the key's,
 * values for another hash or under another key, ECDSA values of the wrong length or with a high S,
 * more or fewer signatures than hashes, a confirmation that never comes with a huge expiresIn, and
 * error descriptions that echo the secret or the OTP, or are long and full of control characters.
 * Nothing is written unless a value came back that verifies with the certificate.
 */
class HostileCscServiceTest {
    static final String CREDENTIAL = "hostile";
    static final String SECRET = "hostile-secret-7f3a";
    static TestPki pki;
    static TestPki.Entity rsa;
    static TestPki.Entity ec;
    static TestPki.Entity stranger;

    /** What one method answers: status, headers sent, then the body written as the handler likes. */
    @FunctionalInterface
    interface Answer {
        void write(HttpExchange exchange, JsonNode request) throws IOException;
    }

    @TempDir
    Path dir;
    HttpServer server;
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile TestPki.Entity key;
    volatile TestPki.Entity chainOf;

    @BeforeAll
    static void pki() {
        pki = TestPki.create("csc-hostile");
        rsa = pki.signer("Nguyễn Văn An", "UBND xã (TEST)").issue();
        ec = pki.signer("Lê Thị Bình", "UBND xã (TEST)").ec().issue();
        stranger = pki.signer("Người Lạ", "UBND xã (TEST)").issue();
    }

    @org.junit.jupiter.api.BeforeEach
    void start() throws IOException {
        key = rsa;
        chainOf = rsa;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        answers.put("info", (x, r) -> json(x, 200, Map.of("specs", "2.0.0.2", "name", "hostile", "methods",
                List.of("credentials/list", "credentials/info", "credentials/authorize", "credentials/authorizeCheck",
                        "signatures/signHash"))));
        answers.put("credentials/list", (x, r) -> json(x, 200, Map.of("credentialIDs", List.of(CREDENTIAL))));
        answers.put("credentials/info", (x, r) -> json(x, 200, Map.of("cert", Map.of("certificates", chain(chainOf)),
                "multisign", 1)));
        answers.put("credentials/authorize", (x, r) -> json(x, 200, Map.of("SAD", "sad", "expiresIn", 300)));
        answers.put("signatures/signHash", (x, r) -> {
            List<String> values = new ArrayList<>();
            for (JsonNode hash : r.path("hashes")) {
                values.add(Base64.getEncoder().encodeToString(sign(key, Base64.getDecoder().decode(hash.asText()))));
            }
            json(x, 200, Map.of("signatures", values));
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String method = exchange.getRequestURI().getPath().replaceFirst("^/csc/v2/", "");
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = Json.mapper().readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            Answer answer = answers.get(method);
            if (answer == null) {
                json(exchange, 404, Map.of("error", "invalid_request"));
            } else {
                answer.write(exchange, request);
            }
        }
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] out = Json.line(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    static String der(TestPki.Entity entity) {
        try {
            return Base64.getEncoder().encodeToString(entity.certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entity's certificate, then its issuers. */
    static List<String> chain(TestPki.Entity entity) {
        List<String> chain = new ArrayList<>(List.of(der(entity)));
        for (var issuer : entity.chain()) {
            if (!issuer.equals(entity.certificate())) {
                try {
                    chain.add(Base64.getEncoder().encodeToString(issuer.getEncoded()));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return chain;
    }

    /** Signs a SHA-256 hash as signHash does: PKCS#1 v1.5 over its DigestInfo, or ECDSA in DER. */
    static byte[] sign(TestPki.Entity entity, byte[] hash) {
        try {
            boolean isEc = entity.key().getAlgorithm().equals("EC");
            Signature signature = Signature.getInstance(isEc ? "NONEwithECDSA" : "NONEwithRSA");
            signature.initSign(entity.key());
            signature.update(isEc ? hash : new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                    hash).getEncoded());
            return signature.sign();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    KeySource open() {
        KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Csc(URI.create(url()), CscAuth.EXTERNAL, null, true),
                KeySelector.label(CREDENTIAL), new KeySourceSpec.Environment("CSC_SECRET"));
        return spec.open(request -> "246810".toCharArray(), Map.of("CSC_SECRET", SECRET), Waiting.NONE);
    }

    Path output() {
        return dir.resolve("signed.pdf");
    }

    void signOne() {
        try (KeySource keys = open()) {
            DocumentSigner.create(keys.key(KeySelector.label(CREDENTIAL)), SignatureOptions.builder().build())
                    .sign(Samples.pdf(dir), output(), false);
        }
    }

    SignerException refused() {
        SignerException e = assertThrows(SignerException.class, this::signOne);
        assertFalse(Files.exists(output()), "nothing written");
        return e;
    }

    static String english(SignerException e) {
        return e.problem().message(Locale.ENGLISH);
    }

    @Test
    void theHonestServiceSignsValid() {
        signOne();
        TestPki.PkiFiles files = pki.written(dir.resolve("pki"));
        var report = DocumentVerifier.create(VerificationSettings.builder().trust(List.of(pki.root())).crlFiles(files.crls()).build())
                .verify(output());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    @Test
    void anEndlessAnswerIsCutAtTheLimit() {
        answers.put("info", (x, r) -> {
            x.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream o = x.getResponseBody()) {
                for (long sent = 0; sent < 1L << 30; sent += chunk.length) {
                    o.write(chunk);
                }
            } catch (IOException e) {
                // The client hung up, as it should.
            }
        });
        SignerException e = refused();
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, e.code());
        assertEquals("remote.answer.tooLarge", e.problem().key());
    }

    @Test
    void anAnswerDrippedAByteAtATimeIsCutAtTheDeadline() {
        answers.put("info", (x, r) -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream o = x.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    o.write(' ');
                    o.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // Cut by the client, or the test ended.
            }
        });
        CscClient client = new CscClient(URI.create(url()), true, Duration.ofMillis(1500));
        long start = System.nanoTime();
        SignerException e = assertThrows(SignerException.class, client::info);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("remote.answer.slow", e.problem().key(), english(e));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "cut at the deadline, not after the drip: " + took);
    }

    @Test
    void aRedirectIsNotFollowedToAFileOrAnotherHost() {
        for (String location : List.of("file:///etc/passwd", "http://192.0.2.1/csc/v2/info")) {
            requests.set(0);
            answers.put("info", (x, r) -> {
                x.getResponseHeaders().set("Location", location);
                x.sendResponseHeaders(302, -1);
            });
            SignerException e = refused();
            assertEquals(ErrorCode.TOKEN_UNAVAILABLE, e.code(), english(e));
            assertEquals(1, requests.get(), "one request, not followed");
        }
    }

    @Test
    void anInfoThatLiesAboutTheTokenAddressIsAClearError() {
        for (String oauth2 : List.of("ht tp://no address", "file:///etc/passwd", "http://192.0.2.1/")) {
            answers.put("info", (x, r) -> json(x, 200, Map.of("methods", List.of("credentials/list", "credentials/info",
                    "credentials/authorize", "signatures/signHash"), "oauth2", oauth2)));
            KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Csc(URI.create(url()), CscAuth.OAUTH2, "client", true),
                    KeySelector.label(CREDENTIAL), new KeySourceSpec.Environment("CSC_SECRET"));
            SignerException e = assertThrows(SignerException.class, () -> spec.open(null, Map.of("CSC_SECRET", SECRET),
                    Waiting.NONE), oauth2);
            assertFalse(english(e).contains(SECRET), english(e));
        }
        // Only info was asked: the secret went nowhere.
        assertEquals(3, requests.get());
    }

    @Test
    void anInfoWithoutTheMethodsIsRefusedBeforeTheSecretIsSent() {
        answers.put("info", (x, r) -> json(x, 200, Map.of("methods", List.of("x".repeat(10_000)))));
        SignerException e = refused();
        assertEquals("remote.method.missing", e.problem().key());
        assertTrue(english(e).length() < 1000, "the service's list is cut short: " + english(e).length());
    }

    @Test
    void aChainThatIsNotTheKeysIsRefused() {
        chainOf = stranger;
        assertEquals(ErrorCode.SIGNING_FAILED, refused().code());
    }

    @Test
    void aValueUnderAnotherKeyIsRefused() {
        key = stranger;
        assertEquals(ErrorCode.SIGNING_FAILED, refused().code());
    }

    @Test
    void aValueForAnotherHashIsRefused() {
        answers.put("signatures/signHash", (x, r) -> json(x, 200, Map.of("signatures",
                List.of(Base64.getEncoder().encodeToString(sign(rsa, sha256("another document")))))));
        assertEquals(ErrorCode.SIGNING_FAILED, refused().code());
    }

    @Test
    void moreOrFewerSignaturesThanHashesAreRefused() {
        for (int count : new int[] {0, 2}) {
            answers.put("signatures/signHash", (x, r) -> {
                String value = Base64.getEncoder().encodeToString(sign(key, Base64.getDecoder().decode(r.path("hashes").get(0).asText())));
                json(x, 200, Map.of("signatures", java.util.Collections.nCopies(count, value)));
            });
            SignerException e = refused();
            assertEquals("remote.answer.count", e.problem().key(), english(e));
        }
    }

    @Test
    void anEcdsaValueOfTheWrongLengthIsRefusedAndOneWithAHighSIsStillTheKeys() throws Exception {
        key = ec;
        chainOf = ec;
        answers.put("signatures/signHash", (x, r) -> json(x, 200, Map.of("signatures", List.of(Base64.getEncoder()
                .encodeToString(new byte[63])))));
        assertEquals(ErrorCode.SIGNATURE_VALUE_REFUSED, refused().code());
        // s and n - s both verify: a value with a high S is the key's signature all the same, and verifies VALID.
        answers.put("signatures/signHash", (x, r) -> {
            byte[] value = sign(ec, Base64.getDecoder().decode(r.path("hashes").get(0).asText()));
            json(x, 200, Map.of("signatures", List.of(Base64.getEncoder().encodeToString(highS(value)))));
        });
        signOne();
        TestPki.PkiFiles files = pki.written(dir.resolve("pki"));
        var report = DocumentVerifier.create(VerificationSettings.builder().trust(List.of(pki.root())).crlFiles(files.crls()).build())
                .verify(output());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    /** The same ECDSA signature with s replaced by n - s when it was low (or left high). */
    static byte[] highS(byte[] der) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        BigInteger n = ((ECPublicKey) ec.certificate().getPublicKey()).getParams().getOrder();
        BigInteger high = s.compareTo(n.shiftRight(1)) > 0 ? s : n.subtract(s);
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(high)}).getEncoded(ASN1Encoding.DER);
    }

    @Test
    void aConfirmationThatNeverComesWithAHugeExpiresInIsWaitedForAtMostTheCeiling() {
        answers.put("credentials/authorize", (x, r) -> json(x, 202, Map.of("authorizationID", "a", "expiresIn", Long.MAX_VALUE)));
        answers.put("credentials/authorizeCheck", (x, r) -> json(x, 202, Map.of("status", "pending")));
        List<Duration> heard = new ArrayList<>();
        KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Csc(URI.create(url()), CscAuth.EXTERNAL, null, true),
                KeySelector.label(CREDENTIAL), new KeySourceSpec.Environment("CSC_SECRET"));
        try (KeySource keys = spec.open(null, Map.of("CSC_SECRET", SECRET), (host, left) -> {
            heard.add(left);
            throw new SignerException(ErrorCode.REMOTE_EXPIRED, vn.signer.Problem.of("remote.expired", host, left.toSeconds()));
        })) {
            SignerException e = assertThrows(SignerException.class, () -> DocumentSigner.create(keys.key(KeySelector.label(CREDENTIAL)),
                    SignatureOptions.builder().build()).sign(Samples.pdf(dir), output(), false));
            assertEquals(ErrorCode.REMOTE_EXPIRED, e.code(), english(e));
        }
        assertEquals(1, heard.size());
        assertTrue(heard.get(0).compareTo(CscClient.MAX_CONFIRMATION) <= 0, heard.toString());
        assertFalse(Files.exists(output()));
    }

    @Test
    void aSecretOrOtpTheServiceEchoesIsNotRepeated() {
        answers.put("credentials/list", (x, r) -> json(x, 401, Map.of("error", "invalid_token",
                "error_description", "the token " + SECRET + " is not known")));
        SignerException e = refused();
        assertFalse(english(e).contains(SECRET), english(e));
        assertTrue(english(e).contains("is not known"), english(e));

        answers.put("credentials/list", (x, r) -> json(x, 200, Map.of("credentialIDs", List.of(CREDENTIAL))));
        answers.put("credentials/info", (x, r) -> json(x, 200, Map.of("cert", Map.of("certificates", List.of(der(rsa))),
                "auth", Map.of("mode", "explicit", "objects", List.of(Map.of("type", "OTP", "id", "OTP"))))));
        answers.put("credentials/authorize", (x, r) -> json(x, 400, Map.of("error", "invalid_otp",
                "error_description", "OTP " + r.path("authData").path(0).path("value").asText() + " is wrong")));
        e = refused();
        assertEquals(ErrorCode.REMOTE_OTP_REFUSED, e.code());
        assertFalse(english(e).contains("246810"), english(e));
    }

    @Test
    void aLongDescriptionIsCutShort() {
        answers.put("credentials/list", (x, r) -> json(x, 500, Map.of("error", "server_error",
                "error_description", "\u202e\u001b[2J" + "x".repeat(500_000))));
        SignerException e = refused();
        assertTrue(english(e).length() < 1000, "length " + english(e).length());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
