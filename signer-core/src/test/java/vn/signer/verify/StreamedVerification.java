package vn.signer.verify;

import java.nio.file.Path;

/** For tests outside this package: {@link DocumentVerifier#verifyLarge}, the streaming path, whatever the size. */
public final class StreamedVerification {
    private StreamedVerification() {
    }

    public static VerificationReport verify(DocumentVerifier verifier, Path file) {
        return verifier.verifyLarge(file);
    }
}
