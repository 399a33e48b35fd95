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

    /** For --help: code, then meaning. */
    private static final String[] HELP_LIST = {
        "0:everything succeeded (verify: every signature VALID)",
        "1:verify: some signature INVALID; sign/extend: some documents failed, the others were done",
        "2:verify: some signature INDETERMINATE, none INVALID",
        "3:verify: a document has no signature",
        "64:usage error (wrong or conflicting options, -o naming a folder, a signature box off its page)",
        "65:bad input data (not a PDF/XML, corrupt, unsafe XML, not signable, image too large)",
        "66:an input file, key file or PKCS#11 module is missing, or is not a regular file",
        "69:token unavailable, no TSA answered, or the level cannot be reached (see 'sign --check')",
        "70:internal error (the signature could not be produced), or the JVM ran out of memory or stack",
        "73:the output exists (use --force), is a folder, or cannot be created",
        "74:I/O error",
        "77:PIN or password refused, token locked, or no PIN source",
        "78:key or certificate unusable (no such key, expired, wrong key usage)",
    };

    private ExitCodes() {
    }

    /** The table for picocli's usage help, code to meaning, in order. */
    static java.util.Map<String, String> helpTable() {
        java.util.Map<String, String> table = new java.util.LinkedHashMap<>();
        for (String line : HELP_LIST) {
            int colon = line.indexOf(':');
            table.put(String.format("%3s", line.substring(0, colon)), line.substring(colon + 1));
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
            case PIN_REFUSED, TOKEN_LOCKED, PIN_UNAVAILABLE -> NO_PERMISSION;
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
