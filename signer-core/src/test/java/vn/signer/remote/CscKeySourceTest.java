package vn.signer.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.batch.BatchItem;
import vn.signer.batch.BatchRunner;
import vn.signer.batch.BatchSummary;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.PinCallback;
import vn.signer.keys.PinRequest;
import vn.signer.keys.SigningKey;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.CscStandIn;
import vn.signer.testing.Samples;
import vn.signer.testing.TestPki;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;

/**
 * The CSC client against a STAND-IN for a CA's remote signing service that we cannot reach
 * ({@link CscStandIn}, on loopback, in the API's shapes): the holder confirming on the phone after
 * a while (202 and authorizeCheck), refusing, never answering, an OTP right and wrong, v1 with
 * auth/login, OAuth 2.0 client credentials, a wrong signature value, and a batch whose
 * confirmations are slow. Nothing is written unless the value came back and verified.
 */
class CscKeySourceTest {
    static TestPki pki;
    static TestPki.Entity officer;

    @TempDir
    Path dir;
    CscStandIn service;
    final List<Duration> heard = new CopyOnWriteArrayList<>();
    final Waiting waiting = (host, left) -> heard.add(left);

    @BeforeAll
    static void pki() {
        pki = TestPki.create("csc-stand-in");
        officer = pki.signer("Trần Thị Mai", "UBND xã (TEST)").issue();
    }

    @BeforeEach
    void start() {
        service = CscStandIn.start(officer);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    KeySource open(int version, CscAuth auth, PinCallback holder) {
        KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Csc(URI.create(service.url(version)), auth,
                auth == CscAuth.EXTERNAL ? null : CscStandIn.CLIENT_ID, true), KeySelector.label(CscStandIn.CREDENTIAL),
                new KeySourceSpec.Environment("CSC_SECRET"));
        return spec.open(holder, Map.of("CSC_SECRET", CscStandIn.SECRET), waiting);
    }

    KeySource open() {
        return open(2, CscAuth.EXTERNAL, null);
    }

    Path signOne(KeySource keys) {
        Path input = Samples.pdf(dir);
        Path output = dir.resolve("signed.pdf");
        DocumentSigner.create(keys.key(KeySelector.label(CscStandIn.CREDENTIAL)), SignatureOptions.builder().build())
                .sign(input, output, false);
        return output;
    }

    void assertValid(Path signed) {
        TestPki.PkiFiles files = pki.written(dir.resolve("pki"));
        var report = DocumentVerifier.create(VerificationSettings.builder().trust(List.of(pki.root())).crlFiles(files.crls()).build())
                .verify(signed);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
    }

    SignerException refusal(KeySource keys) {
        SignerException e = assertThrows(SignerException.class, () -> signOne(keys));
        assertFalse(Files.exists(dir.resolve("signed.pdf")), "nothing written");
        return e;
    }

    @Test
    void aConfirmationOnThePhoneIsWaitedForWithTheTimeLeft() {
        service.holder(CscStandIn.Holder.CONFIRMS_ON_PHONE).phone(2, 30);
        try (KeySource keys = open()) {
            assertValid(signOne(keys));
        }
        assertFalse(heard.isEmpty(), "the wait was told");
        assertTrue(heard.stream().allMatch(left -> left.compareTo(Duration.ZERO) > 0 && left.compareTo(Duration.ofSeconds(30)) <= 0),
                heard.toString());
    }

    @Test
    void aRefusalOnThePhoneHasItsOwnCode() {
        service.holder(CscStandIn.Holder.REFUSES);
        try (KeySource keys = open()) {
            assertEquals(ErrorCode.REMOTE_REFUSED, refusal(keys).code());
        }
    }

    @Test
    void noConfirmationInTimeHasItsOwnCode() {
        service.holder(CscStandIn.Holder.NEVER_ANSWERS).phone(0, 2);
        try (KeySource keys = open()) {
            assertEquals(ErrorCode.REMOTE_EXPIRED, refusal(keys).code());
        }
    }

    @Test
    void theOtpIsAskedOfTheHolderAndAWrongOneHasItsOwnCode() throws Exception {
        service.otp(true);
        List<PinRequest> asked = new ArrayList<>();
        try (KeySource keys = open(2, CscAuth.EXTERNAL, request -> {
            asked.add(request);
            return CscStandIn.OTP.toCharArray();
        })) {
            assertValid(signOne(keys));
        }
        assertEquals(PinRequest.Kind.REMOTE_OTP, asked.get(0).kind());
        Files.delete(dir.resolve("signed.pdf"));
        try (KeySource keys = open(2, CscAuth.EXTERNAL, request -> "000000".toCharArray())) {
            assertEquals(ErrorCode.REMOTE_OTP_REFUSED, refusal(keys).code());
        }
    }

    @Test
    void version1WithLoginAndVersion2WithOAuthClientCredentialsSign() throws Exception {
        try (KeySource keys = open(1, CscAuth.LOGIN, null)) {
            assertValid(signOne(keys));
        }
        Files.delete(dir.resolve("signed.pdf"));
        try (KeySource keys = open(2, CscAuth.OAUTH2, null)) {
            assertValid(signOne(keys));
        }
        assertEquals(2, service.authorisations());
    }

    @Test
    void aWrongSignatureValueFromTheServiceIsRefusedAndNothingWritten() {
        service.wrongValues(true);
        try (KeySource keys = open()) {
            assertEquals(ErrorCode.SIGNING_FAILED, refusal(keys).code());
        }
    }

    @Test
    void plainHttpToAnotherComputerIsRefused() {
        SignerException e = assertThrows(SignerException.class, () -> new KeySourceSpec(new KeySourceSpec.Csc(
                URI.create("http://192.0.2.1/csc/v2"), CscAuth.EXTERNAL, null, true), KeySelector.only(),
                new KeySourceSpec.Environment("S")).open(null, Map.of("S", "x")));
        assertEquals(ErrorCode.USAGE, e.code());
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aBatchWaitsForSlowConfirmationsAndNothingIsWrittenTwice() throws Exception {
        service.holder(CscStandIn.Holder.CONFIRMS_ON_PHONE).phone(2, 30).multisign(3);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(new BatchItem(Samples.pdf(Files.createDirectories(dir.resolve("in" + i))), dir.resolve("out-" + i + ".pdf")));
        }
        try (KeySource keys = open()) {
            assertEquals(7, run(keys, items).signed());
            assertEquals(3, service.authorisations(), "7 hashes, 3 per authorisation");
            BatchSummary again = run(keys, items);
            assertEquals(7, again.skipped());
            assertEquals(3, service.authorisations(), "nothing asked or written again");
        }
        for (BatchItem item : items) {
            assertValid(item.output());
        }
    }

    static BatchSummary run(KeySource keys, List<BatchItem> items) {
        SigningKey key = keys.key(KeySelector.label(CscStandIn.CREDENTIAL));
        DocumentSigner signer = DocumentSigner.create(key, SignatureOptions.builder().build());
        int jobs = key.batching().maxPerAuthorisation();
        return new BatchRunner(signer::sign, signer::isSignedCopy, jobs, false).run(items, result -> { }, key.batching());
    }
}
