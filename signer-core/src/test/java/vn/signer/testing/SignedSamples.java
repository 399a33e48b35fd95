package vn.signer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;

/** Sample documents signed by test certificates. */
public final class SignedSamples {
    private static final char[] PASSWORD = "signed-samples".toCharArray();

    private SignedSamples() {
    }

    /**
     * The sample PDF signed at B-B by {@code signer}, embedding the signer's certificate and nothing
     * else: a verifier without the issuing CA goes looking for it at the certificate's AIA address.
     * Written in a new folder under {@code folder}.
     */
    public static Path pdfEmbeddingOnlyTheSigner(TestPki.Entity signer, Path folder) {
        try {
            Path own = Files.createTempDirectory(Files.createDirectories(folder), "signed-");
            TestPki.Entity alone = new TestPki.Entity(signer.certificate(), signer.key(), List.of(signer.certificate()));
            Path p12 = alone.writePkcs12(own.resolve("signer.p12"), "signer", PASSWORD);
            Path signed = own.resolve("signed.pdf");
            try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, request -> PASSWORD.clone())) {
                DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults())
                        .sign(Samples.pdf(own), signed, false);
            }
            return signed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
