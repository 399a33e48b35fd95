package vn.signer.remote;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A credential of a CSC service, as credentials/info describes it.
 *
 * @param id        its credentialID
 * @param chain     its certificate first, then the issuers the service gave
 * @param multisign the most hashes one authorisation covers
 * @param needsPin  whether an authorisation needs its holder's PIN
 * @param needsOtp  whether an authorisation needs a one-time password
 */
record CscCredential(String id, List<X509Certificate> chain, int multisign, boolean needsPin, boolean needsOtp) {
    CscCredential {
        chain = List.copyOf(chain);
    }
}
