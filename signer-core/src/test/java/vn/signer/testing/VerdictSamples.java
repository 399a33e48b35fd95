package vn.signer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;

/**
 * One PDF for each verdict against the demo PKI ({@link DemoPki#settings()}): signed by the demo
 * officer (VALID), the same changed after signing (INVALID), signed by a key of a PKI the demo root does
 * not vouch for (INDETERMINATE), and the unsigned sample (NO_SIGNATURE).
 *
 * @param valid     signed by the demo officer
 * @param tampered  {@code valid} with one signed byte flipped
 * @param untrusted signed by "Người Lạ" of another PKI
 * @param unsigned  the sample as it is
 */
public record VerdictSamples(Path valid, Path tampered, Path untrusted, Path unsigned) {

    /** The four documents, written into {@code folder}. */
    public static VerdictSamples write(Path folder) {
        try {
            Path dir = Files.createDirectories(folder);
            Path unsigned = Samples.pdf(dir);
            Path valid = dir.resolve("hop-le.pdf");
            try (Pkcs12KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
                DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults()).sign(unsigned, valid, false);
            }
            TestPki.Entity stranger = TestPki.create("page stranger").signer("Người Lạ", "Tổ chức khác (TEST)").issue();
            Path untrusted = signedBy(stranger, unsigned, dir.resolve("khong-tin-cay.pdf"));
            return new VerdictSamples(valid, tamper(valid, dir.resolve("bi-sua.pdf")), untrusted, unsigned);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code document} signed by {@code signer} (of any test PKI) into {@code out}. */
    public static Path signedBy(TestPki.Entity signer, Path document, Path out) {
        char[] password = "sample-pass".toCharArray();
        Path p12 = signer.writePkcs12(out.resolveSibling(out.getFileName() + ".p12"), "signer", password);
        try (Pkcs12KeySource source = Pkcs12KeySource.open(p12, request -> password.clone())) {
            DocumentSigner.create(source.key(KeySelector.only()), SignatureOptions.defaults()).sign(document, out, false);
        }
        return out;
    }

    /** Flips one byte of the first content stream, inside the signed range: the file parses, the digest no longer matches. */
    private static Path tamper(Path signed, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(signed);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int byteRange = text.indexOf("/ByteRange");
        String[] range = text.substring(text.indexOf('[', byteRange) + 1, text.indexOf(']', byteRange)).trim().split("\\s+");
        int at = text.indexOf("stream\n") + "stream\n".length() + 500;
        if (at >= Integer.parseInt(range[1])) {
            throw new IllegalStateException("the flipped byte would be outside the signed range");
        }
        bytes[at] ^= 0x01;
        return Files.write(out, bytes);
    }
}
