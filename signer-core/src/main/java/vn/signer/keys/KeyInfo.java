package vn.signer.keys;

import vn.signer.certs.CertificateSummary;
import vn.signer.report.Remark;

/**
 * A signing key in a key source, described by its certificate. Holds no key material.
 *
 * @param label       PKCS#11 CKA_LABEL or PKCS#12 alias
 * @param id          PKCS#11 CKA_ID in lower-case hex, or null for PKCS#12
 * @param certificate the key's certificate
 */
public record KeyInfo(String label, String id, CertificateSummary certificate) {

    /** How the key reads in a message: its label, its id if any and whose certificate it has, in the reader's language. */
    public Remark describe() {
        return id == null ? Remark.of("keys.key", label, certificate.displayName())
                : Remark.of("keys.keyWithId", label, id, certificate.displayName());
    }
}
