package vn.signer.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import vn.signer.Problem;
import vn.signer.appearance.Appearance;
import vn.signer.appearance.AppearanceFont;
import vn.signer.appearance.AppearanceMode;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySourceSpec;
import vn.signer.keys.TokenSelector;
import vn.signer.sign.Level;

/**
 * One named way of signing in the officer's configuration. Every part may be left out, for the face
 * to take from elsewhere (the command line's options win over a profile's values).
 *
 * @param pkcs12      a PKCS#12 key file
 * @param pkcs11      a PKCS#11 token
 * @param key         which key of the file or token
 * @param appearance  the visible signature's defaults
 * @param trust       trusted root certificates: files or folders
 * @param tsa         timestamp authorities, tried in order
 * @param level       the baseline level
 * @param baseDir     the configuration file's folder (not a YAML key)
 */
public record OfficerProfile(String pkcs12, Pkcs11 pkcs11, KeyChoice key, ProfileAppearance appearance, List<String> trust,
                             List<URI> tsa, Level level,
                             @JacksonInject(value = "baseDir", useInput = OptBoolean.FALSE) Path baseDir) {

    public OfficerProfile {
        ConfigRefusal.require(pkcs12 == null || pkcs11 == null, Problem.of("officer.profile.twoStores"));
        trust = trust == null ? List.of() : List.copyOf(trust);
        tsa = tsa == null ? List.of() : List.copyOf(tsa);
        appearance = appearance == null ? ProfileAppearance.NONE : appearance;
    }

    /**
     * @param module      the token driver's PKCS#11 library
     * @param tokenLabel  the token's label
     * @param tokenSerial the token's serial number
     * @param slot        the token's position among the slots with a token (0-based)
     */
    public record Pkcs11(String module, String tokenLabel, String tokenSerial, Integer slot) {
        public Pkcs11 {
            ConfigRefusal.require(module != null, Problem.of("officer.pkcs11.module"));
            ConfigRefusal.require(slot == null || slot >= 0, Problem.of("officer.pkcs11.slot", String.valueOf(slot)));
            ConfigRefusal.require((tokenLabel == null ? 0 : 1) + (tokenSerial == null ? 0 : 1) + (slot == null ? 0 : 1) <= 1,
                    Problem.of("officer.pkcs11.oneToken"));
        }

        /** Which token of the module: the only one when none is named. */
        public TokenSelector token() {
            return slot != null ? TokenSelector.slotIndex(slot) : tokenLabel != null ? TokenSelector.label(tokenLabel)
                    : tokenSerial != null ? TokenSelector.serial(tokenSerial) : TokenSelector.any();
        }
    }

    /**
     * @param label             the key's label (PKCS#11 CKA_LABEL, PKCS#12 alias)
     * @param id                the key's PKCS#11 CKA_ID, in hex
     * @param certificateSha256 the SHA-256 of the key's certificate, in hex
     */
    public record KeyChoice(String label, String id, String certificateSha256) {
        /** Checked here with core's own rules, so that a mistyped id is an error of the file, on its line. */
        public KeyChoice {
            ConfigRefusal.require((label == null ? 0 : 1) + (id == null ? 0 : 1) + (certificateSha256 == null ? 0 : 1) <= 1,
                    Problem.of("officer.key.oneChoice"));
            ConfigRefusal.require(id == null || ConfigRefusal.accepts(() -> KeySelector.id(id)), Problem.of("officer.key.id", String.valueOf(id)));
            ConfigRefusal.require(certificateSha256 == null || ConfigRefusal.accepts(() -> KeySelector.certificateSha256(certificateSha256)),
                    Problem.of("officer.key.certificateSha256", String.valueOf(certificateSha256)));
        }

        /** The key chosen: the only one of the store when none is named. */
        public KeySelector selector() {
            return label != null ? KeySelector.label(label) : id != null ? KeySelector.id(id)
                    : certificateSha256 != null ? KeySelector.certificateSha256(certificateSha256) : KeySelector.only();
        }
    }

    /**
     * Where the profile's keys are, or null when it names no key file or token.
     *
     * @param parallelSignatures signatures given to a PKCS#11 device at once
     */
    public KeySourceSpec.Store store(int parallelSignatures) {
        if (pkcs12 != null) {
            return new KeySourceSpec.Pkcs12(path(pkcs12));
        }
        return pkcs11 == null ? null : new KeySourceSpec.Pkcs11(path(pkcs11.module()), pkcs11.token(), parallelSignatures);
    }

    /** The key chosen, or null when the profile names none. */
    public KeySelector keySelector() {
        return key == null ? null : key.selector();
    }

    /**
     * A builder of a {@code mode} appearance holding the profile's defaults (images, seal size, anchor,
     * organisation, template, font), for the face to add what belongs to the document (its number, date,
     * box) and what its user gave instead: a value set on the builder replaces the profile's.
     *
     * @throws vn.signer.SignerException BAD_INPUT, INPUT_MISSING when an image of the profile cannot be read
     */
    public Appearance.Builder appearanceBuilder(AppearanceMode mode) {
        Appearance.Builder builder = Appearance.builder(mode);
        if (appearance.image() != null) {
            builder.image(path(appearance.image()));
        }
        if (appearance.seal() != null) {
            builder.seal(path(appearance.seal()));
        }
        if (appearance.sealSizeMm() != null) {
            builder.sealSizeMm(appearance.sealSizeMm());
        }
        if (appearance.font() != null) {
            builder.font(AppearanceFont.file(path(appearance.font())));
        }
        return builder.anchor(appearance.anchor()).organisation(appearance.organisation()).template(appearance.template());
    }

    /** The trust anchors' files and folders, resolved against the configuration's folder. */
    public List<Path> trustPaths() {
        return trust.stream().map(this::path).toList();
    }

    /** {@code path} resolved against the configuration file's folder. */
    public Path path(String path) {
        return baseDir == null ? Path.of(path) : baseDir.resolve(path);
    }
}
