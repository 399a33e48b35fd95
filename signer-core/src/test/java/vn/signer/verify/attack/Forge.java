package vn.signer.verify.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignatureOptions;
import vn.signer.testing.DemoPki;
import vn.signer.testing.PdfAttacks;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;

/** Helpers for the attack tests: incremental updates, overlays, byte patches. */
final class Forge {
    static final PDRectangle SIGNED_TEXT = new PDRectangle(60, 350, 480, 300);

    private Forge() {
    }

    /** The demo trust's verdict on an attack file. */
    static VerificationReport verify(Path file) {
        return DocumentVerifier.create(DemoPki.settings()).verify(file);
    }

    static Path sign(Path input, Path output, Path p12) {
        try (Pkcs12KeySource key = DemoPki.openP12(p12)) {
            DocumentSigner.create(key.key(KeySelector.only()), SignatureOptions.defaults()).sign(input, output, true);
        }
        return output;
    }

    /** An opaque FreeText/Square/... annotation over the signed text. */
    static COSDictionary overlay(PDDocument doc, String subtype, PDRectangle rect, String text) throws IOException {
        COSDictionary annotation = new COSDictionary();
        annotation.setItem(COSName.TYPE, COSName.ANNOT);
        annotation.setName(COSName.SUBTYPE, subtype);
        annotation.setItem(COSName.RECT, rect.getCOSArray());
        annotation.setInt(COSName.F, 4);
        annotation.setString(COSName.CONTENTS, text);
        annotation.setItem(COSName.AP, PdfAttacks.appearance(doc, rect, text));
        return annotation;
    }

    /** Replaces the ASCII {@code marker} (once) in {@code file} by {@code value}, zero-padded to the marker's width. */
    static void patchNumber(Path file, String marker, long value) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(marker);
            if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
                throw new IllegalStateException("marker " + marker + " not found exactly once");
            }
            String padded = String.format("%0" + marker.length() + "d", value);
            if (padded.length() != marker.length()) {
                throw new IllegalStateException("value too wide");
            }
            System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, padded.length());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long length(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
