package vn.signer.server.config;

/**
 * The audit log.
 *
 * @param file the JSON-lines file every signature and every refused request is appended to
 */
public record AuditConfig(String file) {

    public AuditConfig {
        ServerConfig.require(file != null, "config.audit.file");
    }
}
