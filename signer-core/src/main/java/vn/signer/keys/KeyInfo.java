package vn.signer.keys;

import vn.signer.certs.CertificateSummary;

/**
 * A signing key in a key source, described by its certificate. Holds no key material.
 *
 * @param label       PKCS#11 CKA_LABEL or PKCS#12 alias
 * @param id          PKCS#11 CKA_ID in lower-case hex, or null for PKCS#12
 * @param certificate the key's certificate
 */
public record KeyInfo(String label, String id, CertificateSummary certificate) {

    public String describe() {
        return "key '" + label + "'" + (id == null ? "" : " (id " + id + ")") + " of "
                + certificate.displayName();
    }
}
