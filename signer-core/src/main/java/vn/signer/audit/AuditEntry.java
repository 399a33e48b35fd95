package vn.signer.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param repeated       how many refusals alike (same client, action and outcome, within one second) this
 *                       one line stands for, the line being the last of them: a server folds repeated
 *                       refusals so that its log's growth is bounded. Null, and absent from the line, for
 *                       an entry that stands for one event
 */
public record AuditEntry(Instant time, String client, String action, String profile, String documentSha256,
                         String outcome, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) Long repeated) {

    /** An entry that stands for one event. */
    public AuditEntry(Instant time, String client, String action, String profile, String documentSha256,
                      String outcome, String detail) {
        this(time, client, action, profile, documentSha256, outcome, detail, null);
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
