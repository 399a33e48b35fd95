package vn.signer.sign;

import java.util.Objects;
import vn.signer.appearance.Appearance;
import vn.signer.keys.SignatureScheme;

/**
 * How to sign: immutable, built with {@link #builder()}. The defaults are what an official document
 * needs: level B-B (T and above need a timestamp authority, see {@link SigningServices}), SHA-256 with RSA PKCS#1 v1.5, an approval signature (never a certification
 * signature unless asked, because certification forbids the organisation's later signature),
 * enveloped XML.
 *
 * @param level       the baseline level
 * @param scheme      digest and RSA padding
 * @param reason      the reason shown for a PDF signature, or null
 * @param location    where it was signed, or null
 * @param contactInfo how to reach the signer, or null
 * @param xmlPackaging where an XML signature goes
 * @param certify     make a PDF certification signature that allows only form filling and signing
 * @param appearance  the visible signature of a PDF (Decree 30 image, seal or text block), or null for
 *                    an invisible one
 */
public record SignatureOptions(Level level, SignatureScheme scheme, String reason, String location,
                               String contactInfo, XmlPackaging xmlPackaging, boolean certify, Appearance appearance) {

    public SignatureOptions {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(xmlPackaging, "xmlPackaging");
    }

    /** All defaults. */
    public static SignatureOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SignatureOptions}; every setter is optional. */
    public static final class Builder {
        private Level level = Level.B;
        private SignatureScheme scheme = SignatureScheme.DEFAULT;
        private String reason;
        private String location;
        private String contactInfo;
        private XmlPackaging xmlPackaging = XmlPackaging.ENVELOPED;
        private boolean certify;
        private Appearance appearance;

        private Builder() {
        }

        public Builder level(Level level) {
            this.level = Objects.requireNonNull(level);
            return this;
        }

        public Builder scheme(SignatureScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme);
            return this;
        }

        public Builder reason(String reason) {
            this.reason = blankToNull(reason);
            return this;
        }

        public Builder location(String location) {
            this.location = blankToNull(location);
            return this;
        }

        public Builder contactInfo(String contactInfo) {
            this.contactInfo = blankToNull(contactInfo);
            return this;
        }

        public Builder xmlPackaging(XmlPackaging xmlPackaging) {
            this.xmlPackaging = Objects.requireNonNull(xmlPackaging);
            return this;
        }

        public Builder certify(boolean certify) {
            this.certify = certify;
            return this;
        }

        /** A visible signature for PDFs; null (the default) signs invisibly. */
        public Builder appearance(Appearance appearance) {
            this.appearance = appearance;
            return this;
        }

        public SignatureOptions build() {
            return new SignatureOptions(level, scheme, reason, location, contactInfo, xmlPackaging, certify, appearance);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
        }
    }
}
