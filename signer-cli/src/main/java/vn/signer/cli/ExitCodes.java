package vn.signer.cli;

import vn.signer.ErrorCode;
import vn.signer.verify.Verdict;

/** The one table of exit codes (sysexits for errors), also printed by --help. */
final class ExitCodes {
    static final int OK = 0;
    static final int SOME_INVALID = 1;
    /** sign/extend: some documents failed, the others were done. */
    static final int SOME_FAILED = 1;
    static final int SOME_INDETERMINATE = 2;
    static final int NO_SIGNATURE = 3;
    static final int USAGE = 64;
    static final int DATA = 65;
    static final int NO_INPUT = 66;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;
    static final int CANT_CREATE = 73;
    static final int IO = 74;
    static final int NO_PERMISSION = 77;
    static final int CONFIG = 78;
    /** A remote key's holder refused the signature. */
    static final int REMOTE_REFUSED = 80;
    /** A remote key's holder did not confirm in time. */
    static final int REMOTE_EXPIRED = 81;

    /** For --help, in order: the codes whose meaning the Messages bundle gives as exit.CODE. */
    private static final int[] HELP_LIST = {0, 1, 2, 3, 64, 65, 66, 69, 70, 73, 74, 77, 78, 80, 81};

    private ExitCodes() {
    }

    /** The table for picocli's usage help, code to meaning, in order, in the language of {@code locale}. */
    static java.util.Map<String, String> helpTable(java.util.Locale locale) {
        java.util.Map<String, String> table = new java.util.LinkedHashMap<>();
        for (int code : HELP_LIST) {
            table.put(String.format("%3d", code), CliWords.text(locale, "exit." + code));
        }
        return table;
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case USAGE -> USAGE;
            case BAD_INPUT, NOT_SIGNABLE, VERIFICATION_FAILED, SIGNATURE_VALUE_REFUSED -> DATA;
            case INPUT_MISSING -> NO_INPUT;
            case IO -> IO;
            case OUTPUT_EXISTS -> CANT_CREATE;
            case PIN_REFUSED, TOKEN_LOCKED, PIN_UNAVAILABLE, REMOTE_OTP_REFUSED -> NO_PERMISSION;
            case REMOTE_REFUSED -> REMOTE_REFUSED;
            case REMOTE_EXPIRED -> REMOTE_EXPIRED;
            case TOKEN_UNAVAILABLE, TIMESTAMP_FAILED, LEVEL_UNREACHABLE -> UNAVAILABLE;
            case KEY_NOT_FOUND, CERTIFICATE_UNUSABLE -> CONFIG;
            case SIGNING_FAILED -> SOFTWARE;
        };
    }

    static int of(Verdict verdict) {
        return switch (verdict) {
            case VALID -> OK;
            case INVALID -> SOME_INVALID;
            case INDETERMINATE -> SOME_INDETERMINATE;
            case NO_SIGNATURE -> NO_SIGNATURE;
        };
    }
}
