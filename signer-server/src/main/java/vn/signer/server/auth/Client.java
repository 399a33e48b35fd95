package vn.signer.server.auth;

import java.util.Set;

/**
 * Who is calling: a configured client, or an anonymous caller known only by its address.
 *
 * @param name          the client's name, or the remote address for an anonymous caller
 * @param authenticated whether it proved who it is (API key or client certificate)
 * @param profiles      the signing profiles it may use
 * @param requestsPerSecond its own rate limit, or null for the server's
 */
public record Client(String name, boolean authenticated, Set<String> profiles, Double requestsPerSecond) {

    public Client {
        profiles = Set.copyOf(profiles);
    }

    public static Client anonymous(String address) {
        return new Client(address, false, Set.of(), null);
    }
}
