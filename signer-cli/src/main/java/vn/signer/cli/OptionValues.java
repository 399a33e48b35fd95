package vn.signer.cli;

import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import vn.signer.keys.KeySelector;

/**
 * Converters for option values that core would refuse with an IllegalArgumentException once the token
 * is open: refused while the command line is parsed instead, as a usage error (exit 64) in the user's
 * language, before a PIN is asked. Each converter asks core itself, so that the rule lives in one place.
 */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * A value refused: the value and the Messages key ({@code option.refused.KIND}) saying what was
     * expected; {@link CommandLineFactory} puts it into the user's language.
     */
    static final class Refused extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;
        private final String value;
        private final String kind;

        Refused(String value, String kind) {
            super(CliWords.text(Locale.ROOT, "option.refused." + kind, value));
            this.value = value;
            this.kind = kind;
        }

        String text(Locale locale) {
            return CliWords.text(locale, "option.refused." + kind, value);
        }
    }

    /** --key-id: hexadecimal, colons and blanks allowed. */
    static final class KeyId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, KeySelector::id, "keyId");
        }
    }

    /** --cert-sha256: 64 hexadecimal digits, colons and blanks allowed. */
    static final class CertificateSha256 implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, KeySelector::certificateSha256, "certificateSha256");
        }
    }

    /** --slot: a position among the tokens, from 0 (as {@link vn.signer.keys.TokenSelector#slotIndex} requires). */
    static final class SlotIndex extends AtLeast {
        SlotIndex() {
            super(0, "slot");
        }
    }

    /** --token-parallel: at least one signature at a time. */
    static final class Parallel extends AtLeast {
        Parallel() {
            super(1, "parallel");
        }
    }

    /** A whole number of at least {@code min}. */
    private abstract static class AtLeast implements ITypeConverter<Integer> {
        private final int min;
        private final String kind;

        /** @param kind what is expected, the end of an {@code option.refused.} key */
        AtLeast(int min, String kind) {
            this.min = min;
            this.kind = kind;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new Refused(value, kind);
            }
            if (n < min) {
                throw new Refused(value, kind);
            }
            return n;
        }
    }

    /** {@code value} when core accepts it, else refused as not being what {@code option.refused.KIND} says. */
    private static String checked(String value, Function<String, ?> core, String kind) {
        try {
            core.apply(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new Refused(value, kind);
        }
    }

}
