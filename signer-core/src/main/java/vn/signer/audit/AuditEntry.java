package vn.signer.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the audit log: a signature made or refused, or a request refused. Holds no PIN, key
 * or document content: a document appears only as its SHA-256.
 *
 * @param time           when it happened
 * @param client         who asked (the configured client name, or the remote address when unknown)
 * @param action         what was asked, e.g. {@code sign} or {@code verify}
 * @param profile        the signing profile concerned, or null
 * @param documentSha256 SHA-256 of the document received, lower-case hex, or null when none was read
 * @param outcome        {@code signed}, or the error code that refused or failed the request
 * @param detail         a short explanation, or null
 */
public record AuditEntry(Instant time, String client, String action, String profile, String documentSha256,
                         String outcome, String detail) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
