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

    /** A value refused, said in English and in Vietnamese; {@link CommandLineFactory} picks the language. */
    static final class Refused extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;
        private final String vietnamese;

        Refused(String english, String vietnamese) {
            super(english);
            this.vietnamese = vietnamese;
        }

        String text(Locale locale) {
            return Language.isVietnamese(locale) ? vietnamese : getMessage();
        }
    }

    /** --key-id: hexadecimal, colons and blanks allowed. */
    static final class KeyId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, KeySelector::id, "a key id: give the key's CKA_ID in hexadecimal, as 'signer keys' lists it",
                    "mã khóa: ghi mã khóa (CKA_ID) bằng chữ số thập lục phân (hex), như 'signer keys' liệt kê");
        }
    }

    /** --cert-sha256: 64 hexadecimal digits, colons and blanks allowed. */
    static final class CertificateSha256 implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, KeySelector::certificateSha256,
                    "a SHA-256 fingerprint: give its 64 hexadecimal digits, as 'signer keys' lists them",
                    "dấu vân tay SHA-256: ghi đủ 64 chữ số thập lục phân (hex), như 'signer keys' liệt kê");
        }
    }

    /** --slot: a position among the tokens, from 0 (as {@link vn.signer.keys.TokenSelector#slotIndex} requires). */
    static final class SlotIndex extends AtLeast {
        SlotIndex() {
            super(0, "the position of a token, from 0", "vị trí của thiết bị ký, đếm từ 0");
        }
    }

    /** --token-parallel: at least one signature at a time. */
    static final class Parallel extends AtLeast {
        Parallel() {
            super(1, "a number of signatures at once, 1 or more", "số chữ ký thực hiện cùng lúc, từ 1 trở lên");
        }
    }

    /** A whole number of at least {@code min}. */
    private abstract static class AtLeast implements ITypeConverter<Integer> {
        private final int min;
        private final String english;
        private final String vietnamese;

        AtLeast(int min, String english, String vietnamese) {
            this.min = min;
            this.english = english;
            this.vietnamese = vietnamese;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw refused(value, english, vietnamese);
            }
            if (n < min) {
                throw refused(value, english, vietnamese);
            }
            return n;
        }
    }

    /** {@code value} when core accepts it, else refused as not being what {@code english} says. */
    private static String checked(String value, Function<String, ?> core, String english, String vietnamese) {
        try {
            core.apply(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw refused(value, english, vietnamese);
        }
    }

    private static Refused refused(String value, String english, String vietnamese) {
        return new Refused("'" + value + "' is not " + english, "'" + value + "' không phải " + vietnamese);
    }
}
