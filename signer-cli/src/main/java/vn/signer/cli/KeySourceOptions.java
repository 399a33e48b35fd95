package vn.signer.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.config.OfficerProfile;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.TokenSelector;
import vn.signer.remote.CscAuth;

/** Where the keys are and how to unlock them: shared by 'keys' and 'sign'. */
final class KeySourceOptions {

    /** Required unless a profile names the key file or token. */
    @ArgGroup(exclusive = true)
    Store store;

    @ArgGroup(exclusive = true)
    Token token;

    @ArgGroup(exclusive = true)
    Pin pin;

    @Option(names = "--token-parallel", paramLabel = "N", defaultValue = "1", converter = OptionValues.Parallel.class,
            description = "Signatures given to the PKCS#11 device at once: 1 for a USB token (default), more for an HSM.")
    int tokenParallel;

    static final class Store {
        @Option(names = "--pkcs12", paramLabel = "FILE", description = "A PKCS#12 (.p12/.pfx) key file.")
        Path pkcs12;

        @Option(names = "--pkcs11", paramLabel = "LIB",
                description = "The token driver's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so.")
        Path pkcs11;

        @Option(names = "--csc", paramLabel = "URL", description = "A remote signing service of the Cloud Signature Consortium API, "
                + "e.g. https://ca.example/csc/v2 (v1 when the address ends in /v1).")
        URI csc;
    }

    @ArgGroup(exclusive = false)
    Csc csc;

    /** How to reach the CSC service of --csc. */
    static final class Csc {
        @Option(names = "--csc-auth", paramLabel = "KIND", defaultValue = "EXTERNAL", description = "How the client authenticates: "
                + "EXTERNAL (the secret is the access token), LOGIN (auth/login), OAUTH2 (client credentials); default ${DEFAULT-VALUE}.")
        CscAuth auth;

        @Option(names = "--csc-client-id", paramLabel = "ID", description = "The client id the service gave (LOGIN, OAUTH2).")
        String clientId;

        @Option(names = "--csc-secret-env", paramLabel = "VAR", description = "Read the client's secret or access token from this environment variable.")
        String secretEnv;

        @Option(names = "--csc-secret-file", paramLabel = "FILE", description = "Read the client's secret or access token from the first line of this file.")
        Path secretFile;

        @Option(names = "--csc-allow-loopback-http", description = "Allow plain http to a service on this computer (tests and demos only).")
        boolean loopbackHttp;
    }

    static final class Token {
        @Option(names = "--slot", paramLabel = "N", converter = OptionValues.SlotIndex.class, description = "The token at this position (0-based), as 'signer keys' lists.")
        Integer slot;

        @Option(names = "--token-label", paramLabel = "LABEL", description = "The token with this label.")
        String label;

        @Option(names = "--token-serial", paramLabel = "SERIAL", description = "The token with this serial number.")
        String serial;
    }

    static final class Pin {
        @Option(names = "--pin-env", paramLabel = "VAR", description = "Read the PIN or password from this environment variable.")
        String env;

        @Option(names = "--pin-file", paramLabel = "FILE", description = "Read the PIN or password from the first line of this file.")
        Path file;
    }

    boolean isPkcs11() {
        return requireStore().pkcs11 != null;
    }

    Path pkcs11Module() {
        return requireStore().pkcs11;
    }

    private Store requireStore() {
        if (store == null) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.noStore"));
        }
        return store;
    }

    TokenSelector tokenSelector() {
        if (token == null) {
            return TokenSelector.any();
        }
        if (token.slot != null) {
            return TokenSelector.slotIndex(token.slot);
        }
        return token.label != null ? TokenSelector.label(token.label) : TokenSelector.serial(token.serial);
    }

    boolean tokenChosen() {
        return token != null;
    }

    /**
     * The key source these options describe, with {@code key} chosen from it; where they name no key
     * file, token or remote service, the profile's (a token option given here still chooses among the profile's module's).
     *
     * @param profile the profile asked for, or null
     */
    KeySourceSpec spec(KeySelector key, OfficerProfile profile) {
        if (store != null && store.csc != null) {
            return cscSpec(key);
        }
        if (csc != null) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.cscOptions"));
        }
        KeySourceSpec.PinSource pinSource = pin == null ? new KeySourceSpec.Prompt()
                : pin.env != null ? new KeySourceSpec.Environment(pin.env) : new KeySourceSpec.File(pin.file);
        KeySourceSpec.Store fromProfile = store == null && profile != null ? profile.store(tokenParallel) : null;
        if (fromProfile instanceof KeySourceSpec.Pkcs11 p11 && token != null) {
            fromProfile = new KeySourceSpec.Pkcs11(p11.module(), tokenSelector(), tokenParallel);
        }
        if (fromProfile != null) {
            if (fromProfile instanceof KeySourceSpec.Pkcs12 && token != null) {
                throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.tokenOptions"));
            }
            return new KeySourceSpec(fromProfile, key, pinSource);
        }
        requireStore();
        if (store.pkcs12 != null) {
            if (token != null) {
                throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.tokenOptions"));
            }
            return new KeySourceSpec(new KeySourceSpec.Pkcs12(store.pkcs12), key, pinSource);
        }
        return new KeySourceSpec(new KeySourceSpec.Pkcs11(store.pkcs11, tokenSelector(), tokenParallel), key, pinSource);
    }

    private KeySourceSpec cscSpec(KeySelector key) {
        if (token != null || pin != null) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.cscNoPin"));
        }
        Csc options = csc == null ? new Csc() : csc;
        KeySourceSpec.PinSource secret = options.secretEnv != null ? new KeySourceSpec.Environment(options.secretEnv)
                : options.secretFile != null ? new KeySourceSpec.File(options.secretFile) : new KeySourceSpec.Prompt();
        CscAuth auth = options.auth == null ? CscAuth.EXTERNAL : options.auth;
        return new KeySourceSpec(new KeySourceSpec.Csc(store.csc, auth, options.clientId, options.loopbackHttp), key, secret);
    }

    /** Opens the key store or logs in to the token (asking the PIN once); a remote key's waits are shown on the terminal. */
    KeySource open(Terminal terminal, KeySelector key, Locale locale) {
        return open(terminal, key, null, locale);
    }

    /** As {@link #open(Terminal, KeySelector, Locale)}, the profile supplying what the options leave out. */
    KeySource open(Terminal terminal, KeySelector key, OfficerProfile profile, Locale locale) {
        return spec(key, profile).open(PinSources.prompt(terminal.console(), terminal.err(), locale), terminal.environment(),
                new PhoneWait(terminal.err(), locale));
    }
}
