package vn.signer.cli;

import picocli.CommandLine.Option;
import vn.signer.config.OfficerProfile;
import vn.signer.keys.KeySelector;

/** Which key to sign with; at most one of these (an exclusive group). */
final class KeyChoiceOptions {
    @Option(names = "--key", paramLabel = "LABEL", description = "The key with this label (PKCS#11 CKA_LABEL, PKCS#12 alias).")
    String label;

    @Option(names = "--key-id", paramLabel = "HEX", converter = OptionValues.KeyId.class, description = "The key with this PKCS#11 CKA_ID.")
    String id;

    @Option(names = "--cert-sha256", paramLabel = "HEX", converter = OptionValues.CertificateSha256.class, description = "The key whose certificate has this SHA-256 fingerprint.")
    String certSha256;

    @Option(names = "--csc-credential", paramLabel = "ID", description = "The credential of the CSC service (--csc) with this id.")
    String cscCredential;

    /** The key chosen here, else the profile's, else the only one. */
    static KeySelector selector(KeyChoiceOptions choice, OfficerProfile profile) {
        if (choice == null) {
            return profile != null && profile.keySelector() != null ? profile.keySelector() : KeySelector.only();
        }
        if (choice.label != null || choice.cscCredential != null) {
            // A credential's id is its key's label in the CSC key source.
            return KeySelector.label(choice.label != null ? choice.label : choice.cscCredential);
        }
        return choice.id != null ? KeySelector.id(choice.id) : KeySelector.certificateSha256(choice.certSha256);
    }
}
