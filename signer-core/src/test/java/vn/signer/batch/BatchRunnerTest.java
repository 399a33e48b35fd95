package vn.signer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.TokenSelector;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.BadDocuments;
import vn.signer.testing.SoftHsm;

@Tag("native")
class BatchRunnerTest {
    @TempDir
    Path dir;

    private List<BatchItem> items(int n) throws Exception {
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path input = Files.copy(vn.signer.testing.Tools.sample("documents/cong-van-mau.pdf"), dir.resolve("d" + i + ".pdf"));
            items.add(new BatchItem(input, DocumentSigner.defaultOutput(input)));
        }
        return items;
    }

    @Test
    void aTokenIsLoggedInOnceForTheWholeBatch() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SoftHsm hsm = SoftHsm.token();
        try (Pkcs11KeySource token = Pkcs11KeySource.open(hsm.module(), TokenSelector.label(SoftHsm.LABEL), request -> {
            asked.incrementAndGet();
            return SoftHsm.PIN.toCharArray();
        })) {
            DocumentSigner signer = DocumentSigner.create(token.key(KeySelector.label("officer")), SignatureOptions.defaults());
            List<BatchItem> items = items(12);
            List<BatchResult> seen = new ArrayList<>();
            BatchSummary summary = new BatchRunner(signer::sign, signer::isSignedCopy, 4, false).run(items, seen::add);
            assertEquals(12, summary.signed(), summary.toString());
            assertEquals(12, seen.size());
            assertEquals(1, asked.get(), "one login for the whole batch");
        }
    }

    @Test
    void aFailureOfTheKeyStopsTheBatchInsteadOfFailingEveryDocument() throws Exception {
        List<BatchItem> items = items(30);
        AtomicInteger attempts = new AtomicInteger();
        BatchRunner runner = new BatchRunner((input, output, overwrite) -> {
            attempts.incrementAndGet();
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.loginFailed", "token t", "removed"));
        }, (input, output) -> false, 2, false);
        SignerException e = assertThrows(SignerException.class, () -> runner.run(items, r -> { }));
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, e.code());
        assertTrue(attempts.get() <= 2, "at most one attempt per worker, not one per document: " + attempts);
    }

    @Test
    void badDocumentsAreReportedAndTheOthersDone() throws Exception {
        List<BatchItem> items = new ArrayList<>(items(3));
        Path cut = BadDocuments.truncatedPdf(dir.resolve("cut.pdf"));
        items.add(new BatchItem(cut, DocumentSigner.defaultOutput(cut)));
        try (var p12 = vn.signer.testing.DemoPki.openP12(vn.signer.testing.DemoPki.officerP12())) {
            DocumentSigner signer = DocumentSigner.create(p12.key(KeySelector.only()), SignatureOptions.defaults());
            BatchSummary summary = new BatchRunner(signer::sign, signer::isSignedCopy, 2, false).run(items, r -> { });
            assertEquals(3, summary.signed());
            assertEquals(1, summary.failed().size());
            assertEquals(ErrorCode.BAD_INPUT, summary.failed().get(0).error());
            assertEquals(cut, summary.failed().get(0).input());
        }
    }
}
