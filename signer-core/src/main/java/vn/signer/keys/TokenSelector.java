package vn.signer.keys;

import vn.signer.report.Remark;

/**
 * Which token of a PKCS#11 module to open. With {@link #any()}, the module must show exactly one
 * initialised token, so that a second token plugged in never gets signed with by surprise.
 */
public sealed interface TokenSelector {

    /** The only initialised token of the module. */
    static TokenSelector any() {
        return new Any();
    }

    /** The token at this 0-based position among the module's slots with a token present. */
    static TokenSelector slotIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("slot index must be 0 or more");
        }
        return new SlotIndex(index);
    }

    /** The token whose label is exactly this (trailing blanks of the PKCS#11 field ignored). */
    static TokenSelector label(String label) {
        return new Label(label);
    }

    /** The token whose serial number is exactly this. */
    static TokenSelector serial(String serial) {
        return new Serial(serial);
    }

    /** Whether this token is the one asked for. */
    boolean matches(TokenInfo token);

    /** How this selection reads in a message, in the reader's language. */
    Remark describe();

    record Any() implements TokenSelector {
        @Override
        public boolean matches(TokenInfo token) {
            return token.initialized();
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.tokenSelect.any");
        }
    }

    record SlotIndex(int index) implements TokenSelector {
        @Override
        public boolean matches(TokenInfo token) {
            return token.slotIndex() == index;
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.tokenSelect.slotIndex", index);
        }
    }

    record Label(String label) implements TokenSelector {
        @Override
        public boolean matches(TokenInfo token) {
            return label.equals(token.label());
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.tokenSelect.label", label);
        }
    }

    record Serial(String serial) implements TokenSelector {
        @Override
        public boolean matches(TokenInfo token) {
            return serial.equalsIgnoreCase(token.serialNumber());
        }

        @Override
        public Remark describe() {
            return Remark.of("keys.tokenSelect.serial", serial);
        }
    }
}
