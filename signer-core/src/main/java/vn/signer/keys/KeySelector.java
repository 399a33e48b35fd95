package vn.signer.keys;

import java.util.HexFormat;
import java.util.Locale;
import vn.signer.report.Remark;

/**
 * Which key of an opened key source to sign with. With {@link #only()}, the source must hold exactly
 * one signing key; otherwise the choice must be explicit.
 */
public sealed interface KeySelector {

    static KeySelector only() {
        return new Only();
    }

    /** The key whose label (PKCS#11 CKA_LABEL, PKCS#12 alias) is exactly this. */
    static KeySelector label(String label) {
        return new Label(label);
    }

    /** The key whose PKCS#11 CKA_ID is this, in hex. */
    static KeySelector id(String hex) {
        return new Id(normaliseHex(hex, "key id"));
    }

    /** The key whose certificate has this SHA-256 fingerprint, in hex (colons allowed). */
    static KeySelector certificateSha256(String hex) {
        String normalised = normaliseHex(hex, "certificate SHA-256");
        if (normalised.length() != 64) {
            throw new IllegalArgumentException("a certificate SHA-256 has 64 hex digits, got " + normalised.length());
        }
        return new CertificateSha256(normalised);
    }

    boolean matches(KeyInfo key);

    /** How this selection reads in a message, in the reader's language. */
    Remark describe();

    private static String normaliseHex(String hex, String what) {
        String clean = hex.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        try {
            HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be hexadecimal: " + hex, e);
        }
        return clean;
    }

    record Only() implements KeySelector {
        @Override
        public boolean matches(KeyInfo key) {
            return true;
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.select.only");
        }
    }

    record Label(String label) implements KeySelector {
        @Override
        public boolean matches(KeyInfo key) {
            return label.equals(key.label());
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.select.label", label);
        }
    }

    record Id(String hex) implements KeySelector {
        @Override
        public boolean matches(KeyInfo key) {
            return hex.equals(key.id());
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.select.id", hex);
        }
    }

    record CertificateSha256(String hex) implements KeySelector {
        @Override
        public boolean matches(KeyInfo key) {
            return hex.equals(key.certificate().sha256());
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.select.certificateSha256", hex);
        }
    }
}
