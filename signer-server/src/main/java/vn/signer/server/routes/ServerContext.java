package vn.signer.server.routes;

import java.nio.file.Path;
import vn.signer.audit.AuditLog;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.config.ServerConfig;
import vn.signer.server.limits.RateLimiter;
import vn.signer.server.limits.RequestGate;
import vn.signer.server.metrics.ServerMetrics;
import vn.signer.server.profiles.SigningProfiles;
import vn.signer.server.profiles.TrustProfiles;

/**
 * What the handlers work with, built once by the server factory.
 *
 * @param config   the configuration
 * @param auth     recognises clients
 * @param rates    per-client rate limits
 * @param gate     the concurrency limit and shutdown gate
 * @param metrics  the Prometheus registry
 * @param audit    the audit log
 * @param trust    the trust profiles for verification
 * @param profiles the opened signing profiles
 * @param tempDir  where request bodies are spooled
 */
public record ServerContext(ServerConfig config, Authenticator auth, RateLimiter rates, RequestGate gate,
                            ServerMetrics metrics, AuditLog audit, TrustProfiles trust, SigningProfiles profiles,
                            Path tempDir) {
}
