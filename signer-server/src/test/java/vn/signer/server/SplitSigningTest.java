package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.signer.server.SignerServerTest.assertError;
import static vn.signer.server.SignerServerTest.json;
import static vn.signer.server.TestServers.API_KEY;
import static vn.signer.server.TestServers.OTHER_KEY;
import static vn.signer.server.TestServers.SAMPLE_PDF;
import static vn.signer.server.TestServers.bytes;
import static vn.signer.server.TestServers.get;
import static vn.signer.server.TestServers.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.report.Json;
import vn.signer.server.config.ServerConfig;
import vn.signer.testing.DemoPki;
import vn.signer.testing.LargePdf;
import vn.signer.testing.PkiServices;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.Verdict;

/**
 * Split signing on the real server: a client prepares, signs the data itself with a key the server
 * never sees (raw RSA over the DigestInfo, as a smart card does; ECDSA over the digest), completes,
 * and the result is verified by signer and by pdfsig (the one test tagged native).
 */
@Tag("slow")
class SplitSigningTest {
    @TempDir
    static Path dir;
    static PkiServices services;
    static TestPki.Entity ec;
    static SignerServer server;
    static PrivateKey officerKey;
    static List<X509Certificate> officerChain;

    /** The system clock moved on by what the test says: time passes without sleeping. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration duration) {
            ahead = ahead.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        services = PkiServices.start("split");
        ec = services.pki().signer("Split EC", "TEST").ec().issue();
        KeyStore officer = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(DemoPki.officerP12().toFile())) {
            officer.load(in, DemoPki.PASSWORD.toCharArray());
        }
        String alias = officer.aliases().nextElement();
        officerKey = (PrivateKey) officer.getKey(alias, DemoPki.PASSWORD.toCharArray());
        officerChain = new ArrayList<>();
        for (Certificate certificate : officer.getCertificateChain(alias)) {
            officerChain.add((X509Certificate) certificate);
        }
        server = start(dir.resolve("shared"), Clock.systemUTC(), "");
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    /**
     * A server with the keyless profiles web (demo PKI, B), webtest (the test PKI, B) and webt (the test
     * PKI, T with its TSA), for the client dms; {@code sessions} adds to the splitSigning section.
     */
    static SignerServer start(Path folder, Clock clock, String sessions) throws IOException {
        Files.createDirectories(folder);
        TestPki.PkiFiles test = services.pki().written(folder.resolve("test-pki"));
        String yaml = TestServers.yaml(folder, true, "  requestsPerSecond: 1000\n  burst: 1000", """
                splitSigning:
                %s
                  profiles:
                    web:
                      signers: demo
                      reason: Ký duyệt
                      allowOverride: [reason, location]
                    webtest:
                      signers: test
                    webt:
                      signers: test
                      level: T
                      tsa: [%s]
                """.formatted(sessions, services.tsaUrl()))
                .replace("profiles: [organisation]", "profiles: [organisation, web, webtest, webt]")
                .replace(TestServers.verification(true), TestServers.verification(true)
                        + "\n    test:\n      trust: [%s]\n      intermediates: [%s]".formatted(test.rootPem(), test.issuingCaPem()));
        Path file = folder.resolve("server.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return SignerServer.start(ServerConfig.load(file), clock);
    }

    static String pem(List<X509Certificate> chain) {
        return String.join("", chain.stream().map(TestPki::pem).toList());
    }

    /** The prepare form: the document and the chain, each a file part. */
    static byte[] form(byte[] document, String chainPem) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"document\"; filename=\"cong-van.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--b\r\nContent-Disposition: form-data; name=\"certificate\"; filename=\"chain.pem\"\r\n"
                + "Content-Type: application/x-pem-file\r\n\r\n" + chainPem + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static HttpResponse<byte[]> prepare(SignerServer on, String query, byte[] document, List<X509Certificate> chain,
                                        String apiKey) {
        return post(on, "/v1/sign/prepare" + query, "multipart/form-data; boundary=b", form(document, pem(chain)), apiKey);
    }

    static HttpResponse<byte[]> complete(SignerServer on, String session, byte[] value, String apiKey) {
        byte[] body = Json.line(Map.of("session", session, "signatureValue", Base64.getEncoder().encodeToString(value)))
                .getBytes(StandardCharsets.UTF_8);
        return post(on, "/v1/sign/complete", "application/json", body, apiKey);
    }

    /** What a smart card does: RSA PKCS#1 v1.5 over the DigestInfo given, no hashing of its own. */
    static byte[] rawRsa(PrivateKey key, byte[] digestInfo) throws Exception {
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(key);
        raw.update(digestInfo);
        return raw.sign();
    }

    static byte[] ecdsaOverDigest(PrivateKey key, byte[] digest) throws Exception {
        Signature raw = Signature.getInstance("NONEwithECDSA");
        raw.initSign(key);
        raw.update(digest);
        return raw.sign();
    }

    static JsonNode prepared(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return json(response);
    }

    static byte[] dataToSign(JsonNode prepared) {
        return Base64.getDecoder().decode(prepared.path("dataToSign").asText());
    }

    static VerificationReport verifyDemo(byte[] pdf) {
        return DocumentVerifier.create(DemoPki.settings()).verify("signed.pdf", pdf);
    }

    static VerificationReport verifyTest(byte[] pdf) {
        return DocumentVerifier.create(DemoPki.settings(services.pki(), dir.resolve("verify-pki"))).verify("signed.pdf", pdf);
    }

    static void assertNoSpooledFiles(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder.resolve("tmp"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("signer-")).toList(),
                    "no document is left in the temporary folder");
        }
    }

    @Test
    void anRsaValueMadeOverTheDigestInfoCompletesAValidSignature() throws Exception {
        byte[] document = bytes(SAMPLE_PDF);
        Instant before = Instant.now();
        // The officer's certificate alone: the server completes the chain from the profile's intermediates.
        JsonNode prepared = prepared(prepare(server, "?profile=web&location=H%C3%A0%20N%E1%BB%99i", document,
                officerChain.subList(0, 1), API_KEY));
        assertEquals("SHA-256", prepared.path("digestAlgorithm").asText());
        assertEquals("SHA256withRSA", prepared.path("signatureAlgorithm").asText());
        Instant expires = Instant.parse(prepared.path("expires").asText());
        assertTrue(!expires.isBefore(before.plusSeconds(300)) && expires.isBefore(Instant.now().plusSeconds(301)), expires::toString);
        DigestInfo digestInfo = DigestInfo.getInstance(dataToSign(prepared));
        assertEquals(32, digestInfo.getDigest().length);

        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(),
                rawRsa(officerKey, dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", signed.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("PAdES", signed.headers().firstValue("X-Signature-Format").orElseThrow());
        assertEquals("PAdES-BASELINE-B", signed.headers().firstValue("X-Signature-Level").orElseThrow());
        assertEquals(DemoPki.OFFICER_NAME, URLDecoder.decode(signed.headers().firstValue("X-Signature-Signer").orElseThrow(),
                StandardCharsets.UTF_8).split(" \\(")[0]);
        assertEquals(TestServers.sha256Of(document), signed.headers().firstValue("X-Document-SHA256").orElseThrow());
        Instant signingTime = Instant.parse(signed.headers().firstValue("X-Signature-Signing-Time").orElseThrow());
        assertTrue(!signingTime.isBefore(before.truncatedTo(ChronoUnit.SECONDS)), "the signing time was fixed at prepare");

        VerificationReport report = verifyDemo(signed.body());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals("Hà Nội", report.signatures().get(0).location(), "the location asked for at prepare is signed");
        assertEquals("Ký duyệt", report.signatures().get(0).reason(), "with the profile's reason");

        // A session completes once.
        assertError(complete(server, prepared.path("session").asText(), rawRsa(officerKey, dataToSign(prepared)), API_KEY),
                404, "SESSION_UNKNOWN");
        String audit = Files.readString(dir.resolve("shared/audit.jsonl"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"action\":\"sign/prepare\"") && audit.contains(TestServers.sha256Of(document))
                && audit.contains(vn.signer.certs.CertificateSummary.sha256Hex(officerChain.get(0))), audit);
        assertTrue(audit.contains("\"action\":\"sign/complete\"") && audit.contains("\"outcome\":\"signed\""), audit);
        String metrics = new String(get(server, "/metrics", null).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("signer_signatures_total{outcome=\"prepared\",profile=\"web\"}"), metrics);
        assertTrue(metrics.contains("signer_signatures_total{outcome=\"signed\",profile=\"web\"}"), metrics);
        assertTrue(metrics.contains("signer_split_sessions"), metrics);
        assertNoSpooledFiles(dir.resolve("shared"));
    }

    @Test
    void theKeylessProfileIsListedWithTheCaAllowedToIssueSigners() {
        JsonNode listed = json(get(server, "/v1/profiles", API_KEY));
        JsonNode web = listed.path("splitProfiles").get(0);
        assertEquals("web", web.path("name").asText(), listed.toString());
        assertEquals("B", web.path("level").asText(), listed.toString());
        assertTrue(web.path("signers").isTextual() && web.path("certificate").isMissingNode(), listed.toString());
        for (JsonNode keyed : listed.path("profiles")) {
            assertTrue(!keyed.path("name").asText().equals("web"), "a keyless profile is not listed as one with a key: " + listed);
        }
    }

    @Test
    @Tag("native")
    void pdfsigFindsASplitSignatureValid() throws Exception {
        JsonNode prepared = prepared(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(),
                rawRsa(officerKey, dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        Path pdf = dir.resolve("split-rsa.pdf");
        Files.write(pdf, signed.body());
        Tools.Result pdfsig = Tools.pdfsig(pdf, Tools.nssDatabase(dir.resolve("nss"), List.of(DemoPki.root())));
        assertTrue(pdfsig.stdout().contains("Signature is Valid."), pdfsig.all());
    }

    @Test
    void anEcdsaValueOverTheDigestCompletesAValidSignature() throws Exception {
        JsonNode prepared = prepared(prepare(server, "?profile=webtest", bytes(SAMPLE_PDF), ec.chain(), API_KEY));
        assertEquals("SHA256withECDSA", prepared.path("signatureAlgorithm").asText());
        assertEquals(32, dataToSign(prepared).length, "the digest itself, not a DigestInfo");
        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(),
                ecdsaOverDigest(ec.key(), dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        VerificationReport report = verifyTest(signed.body());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    @Test
    void levelTTakesTheProfilesTimestamp() throws Exception {
        JsonNode prepared = prepared(prepare(server, "?profile=webt", bytes(SAMPLE_PDF), ec.chain(), API_KEY));
        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(),
                ecdsaOverDigest(ec.key(), dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        assertEquals("PAdES-BASELINE-T", signed.headers().firstValue("X-Signature-Level").orElseThrow());
        assertEquals(services.tsaUrl(), signed.headers().firstValue("X-Signature-Timestamp-Authorities").orElseThrow());
        VerificationReport report = verifyTest(signed.body());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertTrue(services.hits("/tsa") > 0);
    }

    @Test
    void aWrongValueIsRefusedWritesNothingAndSpendsTheSession() throws Exception {
        JsonNode prepared = prepared(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
        byte[] value = rawRsa(officerKey, dataToSign(prepared));
        value[value.length / 2] ^= 1;
        HttpResponse<byte[]> refused = complete(server, prepared.path("session").asText(), value, API_KEY);
        assertError(refused, 422, "SIGNATURE_VALUE_REFUSED");
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElseThrow());
        byte[] right = rawRsa(officerKey, dataToSign(prepared));
        assertError(complete(server, prepared.path("session").asText(), right, API_KEY), 404, "SESSION_UNKNOWN");
        // Another key's value over the right data is refused too.
        JsonNode again = prepared(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
        assertError(complete(server, again.path("session").asText(), ecdsaOverDigest(ec.key(), dataToSign(again)), API_KEY),
                422, "SIGNATURE_VALUE_REFUSED");
        assertNoSpooledFiles(dir.resolve("shared"));
    }

    @Test
    void onlyTheClientThatPreparedMayCompleteAndOnlyAClientAllowedTheProfileMayPrepare() throws Exception {
        assertError(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, OTHER_KEY), 403, "FORBIDDEN");
        assertError(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, null), 401, "UNAUTHORIZED");
        assertError(prepare(server, "?profile=web&level=T", bytes(SAMPLE_PDF), officerChain, API_KEY), 403, "OVERRIDE_NOT_ALLOWED");
        // A keyless profile signs nothing through /v1/sign, a profile with a key nothing through prepare.
        assertError(post(server, "/v1/sign?profile=web", "application/pdf", bytes(SAMPLE_PDF), API_KEY), 403, "FORBIDDEN");
        assertError(prepare(server, "?profile=organisation", bytes(SAMPLE_PDF), officerChain, API_KEY), 403, "FORBIDDEN");

        JsonNode prepared = prepared(prepare(server, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
        byte[] value = rawRsa(officerKey, dataToSign(prepared));
        assertError(complete(server, prepared.path("session").asText(), value, OTHER_KEY), 404, "SESSION_UNKNOWN");
        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(), value, API_KEY);
        assertEquals(200, signed.statusCode(), "another client's attempt leaves the session to its own client");
    }

    @Test
    void aCertificateOfACaTheProfileDoesNotAcceptIsRefusedAtPrepareInBothLanguages() throws Exception {
        HttpResponse<byte[]> english = prepare(server, "?profile=web", bytes(SAMPLE_PDF), ec.chain(), API_KEY);
        assertError(english, 422, "CERTIFICATE_REFUSED");
        assertTrue(json(english).path("message").asText().contains("not issued by a CA that profile 'web' accepts"),
                json(english).toString());
        HttpResponse<byte[]> vietnamese = prepare(server, "?profile=web&lang=vi", bytes(SAMPLE_PDF), ec.chain(), API_KEY);
        assertError(vietnamese, 422, "CERTIFICATE_REFUSED");
        assertTrue(json(vietnamese).path("message").asText().contains("không do tổ chức cung cấp dịch vụ chứng thực"),
                json(vietnamese).toString());
        // Nor does one of a CA nobody configured.
        TestPki impostor = TestPki.create("impostor");
        assertError(prepare(server, "?profile=web", bytes(SAMPLE_PDF), impostor.signer("Mạo danh", "TEST").issue().chain(),
                API_KEY), 422, "CERTIFICATE_REFUSED");

        TestPki.Entity expired = services.pki().signer("Expired", "TEST")
                .valid(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))).issue();
        HttpResponse<byte[]> late = prepare(server, "?profile=webtest&lang=vi", bytes(SAMPLE_PDF), expired.chain(), API_KEY);
        assertError(late, 422, "CERTIFICATE_REFUSED");
        assertTrue(json(late).path("message").asText().contains("đã hết hạn"), json(late).toString());
        TestPki.Entity encipherOnly = services.pki().signer("Encipher", "TEST").keyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment)
                .issue();
        assertError(prepare(server, "?profile=webtest", bytes(SAMPLE_PDF), encipherOnly.chain(), API_KEY), 422, "CERTIFICATE_REFUSED");

        assertError(post(server, "/v1/sign/prepare?profile=web", "multipart/form-data; boundary=b",
                form(bytes(SAMPLE_PDF), "not a certificate"), API_KEY), 400, "BAD_REQUEST");
        assertError(post(server, "/v1/sign/prepare?profile=web", "application/pdf", bytes(SAMPLE_PDF), API_KEY),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(post(server, "/v1/sign/complete", "application/json", "{\"session\": 1}".getBytes(StandardCharsets.UTF_8),
                API_KEY), 400, "BAD_REQUEST");
    }

    @Test
    void aLargeDocumentIsPreparedInTheTemporaryFolderAndRemovedOnceSigned() throws Exception {
        byte[] large = Files.readAllBytes(LargePdf.write(dir.resolve("large.pdf"), 6_000_000));
        JsonNode prepared = prepared(prepare(server, "?profile=web", large, officerChain, API_KEY));
        HttpResponse<byte[]> signed = complete(server, prepared.path("session").asText(),
                rawRsa(officerKey, dataToSign(prepared)), API_KEY);
        assertEquals(200, signed.statusCode(), new String(signed.body(), StandardCharsets.UTF_8));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(large),
                MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(signed.body(), large.length)),
                "an incremental update of what was sent");
        VerificationReport report = verifyDemo(signed.body());
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertNoSpooledFiles(dir.resolve("shared"));
    }

    @Test
    void sessionsExpireAndAreBoundedInNumberAndBytes() throws Exception {
        MovableClock clock = new MovableClock();
        Path folder = dir.resolve("bounded");
        try (SignerServer bounded = start(folder, clock, "  sessionSeconds: 60\n  maxSessions: 2")) {
            JsonNode first = prepared(prepare(bounded, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
            prepared(prepare(bounded, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
            HttpResponse<byte[]> full = prepare(bounded, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY);
            assertError(full, 503, "SESSIONS_FULL");
            assertTrue(full.headers().firstValue("Retry-After").isPresent());

            clock.advance(Duration.ofSeconds(61));
            HttpResponse<byte[]> expired = complete(bounded, first.path("session").asText(),
                    rawRsa(officerKey, dataToSign(first)), API_KEY);
            assertError(expired, 410, "SESSION_EXPIRED");
            // Expired sessions make room, their files gone.
            prepared(prepare(bounded, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY));
            assertEquals(1, bounded.splitSessions());
        }
        assertNoSpooledFiles(folder);
        try (SignerServer small = start(dir.resolve("small"), clock, "  maxSessionBytes: 40000")) {
            assertError(prepare(small, "?profile=web", bytes(SAMPLE_PDF), officerChain, API_KEY), 503, "SESSIONS_FULL");
        }
    }

    @Test
    void aKeylessProfileIsCheckedWhenTheConfigurationIsRead() throws IOException {
        Path file = dir.resolve("refused.yaml");
        String valid = TestServers.yaml(dir, true, "", "splitSigning:\n  profiles:\n    web: {signers: demo}");
        for (String[] refused : new String[][] {
                {"web: {signers: demo}", "web: {signers: nonesuch}", "unknown trust profile nonesuch"},
                {"web: {signers: demo}", "organisation: {signers: demo}", "a profile with a key already"},
                {"web: {signers: demo}", "web: {signers: demo, level: T}", "needs a timestamp authority"},
                {"web: {signers: demo}", "web: {signers: demo, allowOverride: [certify]}", "allowOverride"},
                {"web: {signers: demo}", "web: {trust: demo}", "give signers"},
                {"profiles:\n    web", "maxSessions: 0\n  profiles:\n    web", "must be positive"}}) {
            assertTrue(valid.contains(refused[0]), valid);
            Files.writeString(file, valid.replace(refused[0], refused[1]), StandardCharsets.UTF_8);
            vn.signer.SignerException e = org.junit.jupiter.api.Assertions.assertThrows(vn.signer.SignerException.class,
                    () -> ServerConfig.load(file));
            assertTrue(e.getMessage().contains(refused[2]), e.getMessage());
        }
        Files.writeString(file, valid, StandardCharsets.UTF_8);
        assertEquals(300, ServerConfig.load(file).splitSigning().sessionSeconds());
    }
}
