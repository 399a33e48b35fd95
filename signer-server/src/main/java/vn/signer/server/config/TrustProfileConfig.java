package vn.signer.server.config;

import java.util.List;

/**
 * What a verification trusts and where revocation data comes from. Offline unless {@code online}:
 * an uploaded document names AIA, CRL and OCSP addresses of its own choosing, and fetching them would
 * let any caller make the server call hosts on its internal network. Online, only http and https to
 * public addresses unless {@code allowSchemes} and {@code allowPrivateAddresses} say otherwise.
 *
 * @param trust                 root certificate files or folders
 * @param intermediates         intermediate CA certificate files or folders
 * @param crls                  CRL files
 * @param online                allow fetching revocation data and certificates named in certificates
 * @param allowSchemes          schemes allowed online besides http and https (e.g. ftp)
 * @param allowPrivateAddresses allow loopback, link-local and private addresses online (a closed
 *                              network whose CA publishes on internal hosts, or tests on 127.0.0.1)
 */
public record TrustProfileConfig(List<String> trust, List<String> intermediates, List<String> crls, Boolean online,
                                 List<String> allowSchemes, Boolean allowPrivateAddresses) {

    public TrustProfileConfig {
        trust = trust == null ? List.of() : List.copyOf(trust);
        intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
        crls = crls == null ? List.of() : List.copyOf(crls);
        online = online != null && online;
        allowSchemes = allowSchemes == null ? List.of() : List.copyOf(allowSchemes);
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
    }
}
