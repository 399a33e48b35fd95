package vn.signer.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import vn.signer.server.config.ClientConfig;

/**
 * Recognises clients by API key or TLS client certificate. Keys are stored only as SHA-256 hashes;
 * the hash of the key presented is compared with every client's in constant time, and all of them
 * are compared, so that timing tells nothing about which (or whether one) matched.
 */
public final class Authenticator {
    private final List<ClientConfig> clients;

    public Authenticator(List<ClientConfig> clients) {
        this.clients = List.copyOf(clients);
    }

    /** The outcome: a client, nobody (no credentials), or a refusal (credentials that match no client). */
    public sealed interface Result {
        /** Credentials that match a client. */
        record Known(Client client) implements Result {
        }

        /** No credentials at all. */
        record Anonymous() implements Result {
        }

        /** Credentials were given and match nobody; {@code key} names why in the Answers bundle. */
        record Refused(String key) implements Result {
        }
    }

    /**
     * @param apiKey      the API key presented, or null
     * @param certificate the TLS client certificate (already checked by TLS against the trust store), or null
     */
    public Result authenticate(String apiKey, X509Certificate certificate) {
        if (apiKey != null) {
            byte[] presented = sha256(apiKey.getBytes(StandardCharsets.UTF_8));
            ClientConfig found = match(presented, true);
            return found == null ? new Result.Refused("auth.unknownKey") : new Result.Known(toClient(found));
        }
        if (certificate != null) {
            byte[] presented;
            try {
                presented = sha256(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                return new Result.Refused("auth.unreadableCertificate");
            }
            ClientConfig found = match(presented, false);
            return found == null ? new Result.Refused("auth.unknownCertificate")
                    : new Result.Known(toClient(found));
        }
        return new Result.Anonymous();
    }

    private ClientConfig match(byte[] presented, boolean byKey) {
        ClientConfig found = null;
        for (ClientConfig client : clients) {
            String stored = byKey ? client.apiKeySha256() : client.certificateSha256();
            byte[] expected = stored == null ? new byte[presented.length] : HexFormat.of().parseHex(stored);
            if (MessageDigest.isEqual(presented, expected) && stored != null && found == null) {
                found = client;
            }
        }
        return found;
    }

    private static Client toClient(ClientConfig config) {
        return new Client(config.name(), true, Set.copyOf(config.profiles()), config.requestsPerSecond());
    }

    /** SHA-256, as the configuration stores API keys; also for operators making a key's hash. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
