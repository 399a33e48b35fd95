package vn.signer.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.security.auth.login.LoginException;
import sun.security.pkcs11.wrapper.PKCS11Exception;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.report.Remark;

/**
 * Signing keys on a PKCS#11 token or HSM, reached through the JDK's SunPKCS11 provider. Opening logs
 * in once with one PIN; a refused PIN is never retried, because tokens lock after a few wrong ones.
 * The provider is private to this source (not registered globally) and logged out on {@link #close()}.
 */
public final class Pkcs11KeySource implements KeySource {
    private static final long CKR_PIN_INCORRECT = 0xA0L;
    private static final long CKR_PIN_INVALID = 0xA1L;
    private static final long CKR_PIN_LEN_RANGE = 0xA2L;
    private static final long CKR_PIN_EXPIRED = 0xA3L;
    private static final long CKR_PIN_LOCKED = 0xA4L;

    private final TokenInfo token;
    private final AuthProvider provider;
    private final KeyStore store;
    private final Map<KeyInfo, String> aliases;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Semaphore signing;
    private final int parallelSignatures;

    private Pkcs11KeySource(TokenInfo token, AuthProvider provider, KeyStore store, Map<KeyInfo, String> aliases,
                            int parallelSignatures) {
        this.token = token;
        this.provider = provider;
        this.store = store;
        this.aliases = aliases;
        this.signing = new Semaphore(parallelSignatures);
        this.parallelSignatures = parallelSignatures;
    }

    /** How many signatures the device is given at once. */
    public int parallelSignatures() {
        return parallelSignatures;
    }

    /** The tokens the module shows, without logging in to any. */
    public static List<TokenInfo> tokens(Path module) {
        return Pkcs11Module.load(module).tokens();
    }

    /**
     * Opens the selected token of {@code module} and logs in, asking {@code pin} once.
     *
     * @throws SignerException INPUT_MISSING (no module), TOKEN_UNAVAILABLE (no such token), USAGE (several
     *                         tokens and no choice), TOKEN_LOCKED, PIN_REFUSED
     */
    public static Pkcs11KeySource open(Path module, TokenSelector selector, PinCallback pin) {
        return open(module, selector, pin, 1);
    }

    /**
     * As {@link #open(Path, TokenSelector, PinCallback)}, for a device that signs several documents at
     * once: a USB token signs one at a time (more requests only queue in its driver), an HSM several.
     *
     * @param parallelSignatures how many signatures the device is given at once (at least 1)
     */
    public static Pkcs11KeySource open(Path module, TokenSelector selector, PinCallback pin, int parallelSignatures) {
        if (parallelSignatures < 1) {
            throw new IllegalArgumentException("parallelSignatures must be at least 1");
        }
        Pkcs11Module p11 = Pkcs11Module.load(module);
        TokenInfo token = select(p11, selector);
        if (token.pinStatus() == TokenInfo.PinStatus.LOCKED) {
            throw new SignerException(ErrorCode.TOKEN_LOCKED, Problem.of("token.pinLocked", token.describe()));
        }
        List<Pkcs11Module.CertificateObject> certObjects = p11.certificates(token);
        AuthProvider provider = provider(p11, token);
        KeyStore store = login(p11, token, provider, pin);
        try {
            return new Pkcs11KeySource(token, provider, store, readKeys(store, certObjects), parallelSignatures);
        } catch (GeneralSecurityException | RuntimeException e) {
            logout(provider);
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.cannotListKeys", token.describe(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static TokenInfo select(Pkcs11Module p11, TokenSelector selector) {
        List<TokenInfo> tokens = p11.tokens();
        List<TokenInfo> matching = tokens.stream().filter(selector::matches).toList();
        Object present = tokens.isEmpty() ? Remark.of("keys.noTokens") : tokens.stream().map(TokenInfo::describe).toList();
        if (matching.size() == 1) {
            TokenInfo token = matching.get(0);
            if (!token.initialized()) {
                throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.notInitialised", token.describe(), present));
            }
            return token;
        }
        if (matching.isEmpty()) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.noMatch", p11.libraryPath(),
                    selector.describe(), present));
        }
        throw new SignerException(ErrorCode.USAGE, Problem.of("token.several", p11.libraryPath(), present));
    }

    private static AuthProvider provider(Pkcs11Module p11, TokenInfo token) {
        // Inline configuration ("--" prefix); the library path is quoted for paths with blanks.
        String config = "--name = signer-slot-" + token.slotId() + "\n"
                + "library = \"" + p11.libraryPath() + "\"\n"
                + "slot = " + token.slotId() + "\n";
        try {
            return (AuthProvider) Security.getProvider("SunPKCS11").configure(config);
        } catch (RuntimeException e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.sunPkcs11", token.describe(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static KeyStore login(Pkcs11Module p11, TokenInfo token, Provider provider, PinCallback pin) {
        char[] secret = pin.pin(new PinRequest(token.describe(), PinRequest.Kind.TOKEN_PIN, token.pinStatus()));
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, secret);
            return store;
        } catch (IOException e) {
            throw loginFailure(p11, token, e);
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.keyStore", token.describe(),
                    String.valueOf(e.getMessage())), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static SignerException loginFailure(Pkcs11Module p11, TokenInfo token, IOException e) {
        long code = pkcs11ErrorCode(e);
        if (code == CKR_PIN_LOCKED) {
            return new SignerException(ErrorCode.TOKEN_LOCKED, Problem.of("token.locked", token.describe()), e);
        }
        if (code == CKR_PIN_INCORRECT || code == CKR_PIN_INVALID || code == CKR_PIN_LEN_RANGE || code == CKR_PIN_EXPIRED) {
            TokenInfo.PinStatus now = p11.pinStatus(token.slotId());
            return new SignerException(ErrorCode.PIN_REFUSED, now == TokenInfo.PinStatus.OK
                    ? Problem.of("pin.refused", token.describe()) : Problem.of("pin.refused." + now.name(), token.describe()), e);
        }
        return new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.loginFailed", token.describe(),
                String.valueOf(e.getMessage())), e);
    }

    private static long pkcs11ErrorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PKCS11Exception p) {
                return p.getErrorCode();
            }
            if (t instanceof LoginException && t.getCause() == null) {
                break;
            }
        }
        return -1;
    }

    private static Map<KeyInfo, String> readKeys(KeyStore store, List<Pkcs11Module.CertificateObject> certObjects)
            throws GeneralSecurityException {
        Map<KeyInfo, String> keys = new LinkedHashMap<>();
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            X509Certificate cert = (X509Certificate) store.getCertificate(alias);
            if (cert == null) {
                continue;
            }
            byte[] der = cert.getEncoded();
            String id = certObjects.stream().filter(o -> Arrays.equals(o.der(), der))
                    .map(Pkcs11Module.CertificateObject::id).findFirst().orElse(null);
            keys.put(new KeyInfo(alias, id, CertificateSummary.of(cert)), alias);
        }
        return keys;
    }

    /** The token this source is logged in to. */
    public TokenInfo token() {
        return token;
    }

    @Override
    public Remark describe() {
        return token.describe();
    }

    @Override
    public List<KeyInfo> keys() {
        return List.copyOf(aliases.keySet());
    }

    @Override
    public SigningKey key(KeySelector selector) {
        KeyInfo info = KeyChoice.pick(describe(), keys(), selector);
        String alias = aliases.get(info);
        try {
            Key key = store.getKey(alias, null);
            Certificate[] chain = store.getCertificateChain(alias);
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return new SigningKey(info, (PrivateKey) key, provider, certs, open::get, signing);
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.cannotUseKey", describe(), info.describe(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            logout(provider);
        }
    }

    private static void logout(AuthProvider provider) {
        try {
            provider.logout();
        } catch (LoginException e) {
            // Logging out of a token that was pulled out fails; the session is gone either way.
            System.getLogger(Pkcs11KeySource.class.getName()).log(System.Logger.Level.DEBUG, "logout failed", e);
        }
    }
}
