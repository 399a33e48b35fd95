package vn.signer.cli;

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
     * file or token, the profile's (a token option given here still chooses among the profile's module's).
     *
     * @param profile the profile asked for, or null
     */
    KeySourceSpec spec(KeySelector key, OfficerProfile profile) {
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

    /** Opens the key store or logs in to the token (asking the PIN once). */
    KeySource open(Terminal terminal, KeySelector key, Locale locale) {
        return open(terminal, key, null, locale);
    }

    /** As {@link #open(Terminal, KeySelector, Locale)}, the profile supplying what the options leave out. */
    KeySource open(Terminal terminal, KeySelector key, OfficerProfile profile, Locale locale) {
        return spec(key, profile).open(PinSources.prompt(terminal.console(), terminal.err(), locale), terminal.environment());
    }
}
