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
import vn.signer.sign.XmlPackaging;

/**
 * A detached XAdES signature by the demo officer over the sample XML, and its content as signed and
 * changed after signing, both under the name the signature's reference gives ({@link #NAME}).
 *
 * @param signature the detached signature (it holds none of the content)
 * @param content   the signed content, as signed
 * @param changed   the content with one signed value changed, under the same name in another folder
 */
public record DetachedSamples(Path signature, Path content, Path changed) {
    /** The content's file name, which the signature's reference names. */
    public static final String NAME = "thong-tin-ho-so.xml";

    /** The three files, written into {@code folder}. */
    public static DetachedSamples write(Path folder) {
        try {
            Path dir = Files.createDirectories(folder);
            Path content = Samples.xml(dir);
            Path signature = dir.resolve("chu-ky-tach-roi.xml");
            try (Pkcs12KeySource source = DemoPki.openP12(DemoPki.officerP12())) {
                DocumentSigner.create(source.key(KeySelector.only()),
                        SignatureOptions.builder().xmlPackaging(XmlPackaging.DETACHED).build()).sign(content, signature, false);
            }
            String text = Files.readString(content, StandardCharsets.UTF_8);
            if (!text.contains("0900000000")) {
                throw new IllegalStateException("the sample's telephone number, which the changed copy changes, is gone");
            }
            Path changed = Files.writeString(Files.createDirectories(dir.resolve("changed")).resolve(NAME),
                    text.replace("0900000000", "0900000001"), StandardCharsets.UTF_8);
            return new DetachedSamples(signature, content, changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
