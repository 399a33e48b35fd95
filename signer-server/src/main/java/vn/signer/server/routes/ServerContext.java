package vn.signer.server.routes;

import java.nio.file.Path;
import vn.signer.audit.AuditLog;
import vn.signer.server.audit.RefusalAudit;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.limits.AddressSlots;
import vn.signer.server.limits.AuthFailures;
import vn.signer.server.limits.RateLimiter;
import vn.signer.server.limits.RequestGate;
import vn.signer.server.limits.WorkDeadline;
import vn.signer.server.metrics.ServerMetrics;
import vn.signer.server.profiles.SigningProfiles;
import vn.signer.server.profiles.TrustProfiles;

/**
 * What the handlers work with, built once by the server factory.
 *
 * @param config       the configuration
 * @param auth         recognises clients
 * @param rates        per-client rate limits
 * @param authFailures failed authentications per address
 * @param gate         requests admitted (receiving a body or worked on), and the shutdown gate
 * @param addresses    requests admitted per client address
 * @param work         signatures and verifications worked on, once their bodies are received
 * @param deadline     runs that work, stopped at its deadline or when its client goes
 * @param metrics      the Prometheus registry
 * @param audit        the audit log
 * @param refusals     the audit of refused and failed requests, folded per second
 * @param trust        the trust profiles for verification
 * @param profiles     the opened signing profiles
 * @param tempDir      where request bodies are spooled
 */
public record ServerContext(ServerConfig config, Authenticator auth, RateLimiter rates, AuthFailures authFailures,
                            RequestGate gate, AddressSlots addresses, RequestGate work, WorkDeadline deadline,
                            ServerMetrics metrics,
                            AuditLog audit, RefusalAudit refusals, TrustProfiles trust, SigningProfiles profiles,
                            Path tempDir) {
}
