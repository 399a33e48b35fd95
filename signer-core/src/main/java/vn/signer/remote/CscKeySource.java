package vn.signer.remote;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.report.Remark;
import vn.signer.keys.KeyChoice;
import vn.signer.keys.KeyInfo;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.PinCallback;
import vn.signer.keys.PinRequest;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;
import vn.signer.keys.TokenInfo;

/**
 * The credentials of a Cloud Signature Consortium service as signing keys: opened by learning what
 * the service offers (info), authenticating, and reading each credential's chain; each key label is
 * its credentialID. A key signs by asking an authorisation (credentials/authorize, for as many hashes
 * as its credential's multisign allows, the holder's PIN or OTP asked when the credential needs one,
 * waiting for the holder's confirmation when the service answers 202) and then signatures/signHash;
 * every value is checked against the certificate by {@link SigningKey}.
 */
public final class CscKeySource implements KeySource {
    /** How long a group of hashes waits for more after its last one, when the batch cannot say. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final CscClient client;
    private final Map<String, CscCredential> credentials;
    private final PinCallback holder;
    private final Waiting waiting;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private CscKeySource(CscClient client, Map<String, CscCredential> credentials, PinCallback holder, Waiting waiting) {
        this.client = client;
        this.credentials = credentials;
        this.holder = holder;
        this.waiting = waiting;
    }

    /**
     * Connects, authenticates and reads the client's credentials.
     *
     * @param service           the service's base address, e.g. {@code https://ca.example/csc/v2}
     * @param allowLoopbackHttp allow plain http to this computer (tests, demos)
     * @param secret            the client's secret or access token; wiped here
     * @param holder            asks the holder's PIN or OTP when a credential needs one
     * @throws SignerException USAGE (an address not allowed), TOKEN_UNAVAILABLE (unreachable, a method missing,
     *                         an answer not as the API says), PIN_REFUSED (the login refused)
     */
    public static CscKeySource open(URI service, boolean allowLoopbackHttp, CscAuth auth, String clientId, char[] secret,
                                    PinCallback holder, Waiting waiting) {
        CscClient client = new CscClient(service, allowLoopbackHttp);
        try {
            client.info();
            client.authenticate(auth, clientId, secret);
        } finally {
            CscClient.wipe(secret);
        }
        Map<String, CscCredential> credentials = new LinkedHashMap<>();
        for (String id : client.list()) {
            credentials.put(id, client.credential(id));
        }
        return new CscKeySource(client, credentials, holder, waiting);
    }

    @Override
    public Remark describe() {
        return Remark.of("keys.csc", client.host());
    }

    @Override
    public List<KeyInfo> keys() {
        List<KeyInfo> keys = new ArrayList<>();
        for (CscCredential credential : credentials.values()) {
            keys.add(new KeyInfo(credential.id(), null, CertificateSummary.of(credential.chain().get(0))));
        }
        return keys;
    }

    @Override
    public SigningKey key(KeySelector selector) {
        KeyInfo info = KeyChoice.pick(describe(), keys(), selector);
        CscCredential credential = credentials.get(info.label());
        HashBatcher batcher = new HashBatcher(credential.multisign(),
                (hashes, scheme) -> authorisedSignatures(credential, hashes, scheme), LINGER);
        return SigningKey.remote(info, credential.chain(), open::get, batcher);
    }

    /** One authorisation for {@code hashes}, then their signatures. */
    private List<byte[]> authorisedSignatures(CscCredential credential, List<byte[]> hashes, SignatureScheme scheme) {
        Remark target = Remark.of("keys.cscCredential", credential.id(), client.host());
        char[] pin = credential.needsPin() ? holder.pin(new PinRequest(target, PinRequest.Kind.REMOTE_PIN, TokenInfo.PinStatus.OK)) : null;
        char[] otp = null;
        try {
            otp = credential.needsOtp() ? holder.pin(new PinRequest(target, PinRequest.Kind.REMOTE_OTP, TokenInfo.PinStatus.OK)) : null;
            String description = "signer: " + hashes.size() + (hashes.size() == 1 ? " document" : " documents");
            String sad = client.authorize(credential, hashes, scheme.digest(), pin, otp, description, waiting);
            return client.signHashes(credential, sad, hashes, scheme);
        } finally {
            CscClient.wipe(pin);
            CscClient.wipe(otp);
        }
    }

    @Override
    public void close() {
        open.set(false);
    }
}
