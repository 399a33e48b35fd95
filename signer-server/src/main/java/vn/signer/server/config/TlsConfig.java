package vn.signer.server.config;

/**
 * HTTPS: the server's key store and, for client certificates, the CAs that issue them.
 *
 * @param keyStore           a PKCS#12 file with the server's key and certificate chain
 * @param keyStorePassword   where its password is
 * @param trustStore         a PKCS#12 file of the CAs whose client certificates are accepted, or null
 * @param trustStorePassword where its password is (null when it has none)
 * @param clientAuth         {@code none}, {@code want} (ask, do not require) or {@code need}
 */
public record TlsConfig(String keyStore, SecretRef keyStorePassword, String trustStore, SecretRef trustStorePassword,
                        String clientAuth) {

    public TlsConfig {
        ServerConfig.require(keyStore != null && keyStorePassword != null, "config.tls.keyStore");
        clientAuth = clientAuth == null ? "none" : clientAuth;
        ServerConfig.require(clientAuth.matches("none|want|need"), "config.tls.clientAuth");
        ServerConfig.require(clientAuth.equals("none") || trustStore != null, "config.tls.trustStore");
    }
}
