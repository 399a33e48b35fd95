package vn.signer.verify;

import java.time.Instant;

/**
 * What was known of the signer certificate's revocation status, and where it came from.
 *
 * @param status       GOOD, REVOKED or UNKNOWN; NONE when no revocation data could be had at all
 * @param type         CRL or OCSP, or null when none
 * @param source       EMBEDDED (in the document), ONLINE (fetched now), FILE (a configured CRL file), or NONE
 * @param url          where it was fetched from, or null
 * @param producedAt   when the CRL or OCSP response was produced, or null
 * @param revokedAt    when the certificate was revoked, or null
 */
public record RevocationReport(String status, String type, String source, String url, Instant producedAt,
                               Instant revokedAt) {

    static final RevocationReport NONE = new RevocationReport("NONE", null, "NONE", null, null, null);
}
