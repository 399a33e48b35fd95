package vn.signer.server.csc;

import java.time.Instant;
import java.util.Set;

/**
 * A signature activation data (SAD) granted by credentials/authorize: for one client and one
 * credential, bound to the hashes it was asked for (SCAL2), each of which it signs once, until it expires.
 *
 * @param client     the client it was granted to
 * @param credential the credential (a profile's name)
 * @param hashes     the hashes still to sign, as lower-case hex
 * @param expires    when it stops being usable
 */
public record Authorisation(String client, String credential, Set<String> hashes, Instant expires) {
    public Authorisation {
        hashes = Set.copyOf(hashes);
    }
}
