package vn.signer.verify;

import java.time.Instant;

/**
 * A timestamp found on a signature or document.
 *
 * @param type           SIGNATURE_TIMESTAMP, ARCHIVE_TIMESTAMP, DOCUMENT_TIMESTAMP, CONTENT_TIMESTAMP, ...
 * @param productionTime when the TSA says it received the data (authoritative, unlike the claimed time)
 * @param tsa            the TSA certificate's common name or subject, or null when it is not identified
 * @param verdict        VALID, INVALID or INDETERMINATE for the timestamp itself
 */
public record TimestampReport(String type, Instant productionTime, String tsa, Verdict verdict) {
}
