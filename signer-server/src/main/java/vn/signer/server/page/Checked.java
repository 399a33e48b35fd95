package vn.signer.server.page;

import vn.signer.report.ReportDetails;
import vn.signer.verify.VerificationReport;

/**
 * A verification's facts, without its document: what a report to keep is made from.
 *
 * @param report  the verification report
 * @param details the document's SHA-256 and the trust profile it was checked with
 */
public record Checked(VerificationReport report, ReportDetails details) {
}
