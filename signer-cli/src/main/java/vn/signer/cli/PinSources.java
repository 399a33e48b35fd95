package vn.signer.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.PinCallback;
import vn.signer.keys.PinRequest;
import vn.signer.keys.TokenInfo;

/**
 * The command line's hidden PIN prompt on the terminal (an environment variable or a file are read
 * by {@link vn.signer.keys.KeySourceSpec}). Never from the command line itself, where any user could
 * read it in the process list.
 */
final class PinSources {
    private PinSources() {
    }

    /** Asks at the terminal; without one, says where else the PIN may come from. */
    static PinCallback prompt(Console console, PrintWriter err, Locale locale) {
        return request -> prompt(request, console, err, locale);
    }

    private static char[] prompt(PinRequest request, Console console, PrintWriter err, Locale locale) {
        if (console == null) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE, CliWords.problem("pin.noTerminal." + request.kind().name(), request.target()));
        }
        if (request.pinStatus() != TokenInfo.PinStatus.OK) {
            err.println(CliWords.text(locale, "pin.warning", CliWords.shown(locale, request.target()),
                    CliWords.text(locale, "pin.status." + request.pinStatus().name())));
            err.flush();
        }
        char[] pin = console.readPassword("%s", CliWords.text(locale, "pin.prompt", CliWords.text(locale, "pin.kind." + request.kind().name()),
                CliWords.shown(locale, request.target())));
        if (pin == null || pin.length == 0) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE, CliWords.problem("pin.empty." + request.kind().name(), request.target()));
        }
        return pin;
    }
}
