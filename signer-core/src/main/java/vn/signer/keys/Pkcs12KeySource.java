package vn.signer.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.report.Remark;

/** Signing keys in a PKCS#12 (.p12 / .pfx) file. The password is asked once and wiped after opening. */
public final class Pkcs12KeySource implements KeySource {
    private final Path file;
    private final Map<KeyInfo, Entry> entries;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private record Entry(PrivateKey key, List<X509Certificate> chain) {
    }

    private Pkcs12KeySource(Path file, Map<KeyInfo, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Opens the file, asking {@code pin} for its password once.
     *
     * @throws SignerException INPUT_MISSING, BAD_INPUT (not PKCS#12), PIN_REFUSED (wrong password)
     */
    public static Pkcs12KeySource open(Path file, PinCallback pin) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("p12.missing", file.toString()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        char[] password = pin.pin(
                new PinRequest(Remark.of("keys.file", file.getFileName().toString()), PinRequest.Kind.FILE_PASSWORD, TokenInfo.PinStatus.OK));
        try {
            KeyStore store = load(file, bytes, password);
            return new Pkcs12KeySource(file, readEntries(file, store, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static KeyStore load(Path file, byte[] bytes, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SignerException(ErrorCode.PIN_REFUSED, Problem.of("p12.wrongPassword", file.toString()));
            }
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("p12.unreadable", file.toString(), String.valueOf(e.getMessage())));
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("p12.cannotOpen", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    private static Map<KeyInfo, Entry> readEntries(Path file, KeyStore store, char[] password) {
        Map<KeyInfo, Entry> entries = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : chain) {
                    certs.add((X509Certificate) c);
                }
                entries.put(new KeyInfo(alias, null, CertificateSummary.of(certs.get(0))), new Entry(privateKey, certs));
            }
        } catch (GeneralSecurityException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("p12.keyEntry", file.toString(), String.valueOf(e.getMessage())), e);
        }
        return entries;
    }

    @Override
    public Remark describe() {
        return Remark.of("keys.file", file.toString());
    }

    @Override
    public List<KeyInfo> keys() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public SigningKey key(KeySelector selector) {
        if (selector instanceof KeySelector.Id) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("p12.noKeyId", file.toString()));
        }
        KeyInfo info = KeyChoice.pick(describe(), keys(), selector);
        Entry entry = entries.get(info);
        return new SigningKey(info, entry.key(), null, entry.chain(), open::get, null);
    }

    @Override
    public void close() {
        open.set(false);
    }
}
