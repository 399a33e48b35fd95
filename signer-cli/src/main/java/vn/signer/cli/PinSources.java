package vn.signer.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.PinCallback;
import vn.signer.keys.PinFile;
import vn.signer.keys.PinRequest;
import vn.signer.report.Printable;

/**
 * Where the command line gets a PIN: an environment variable, a file, or a hidden prompt on the
 * terminal. Never from the command line itself, where any user could read it in the process list.
 */
final class PinSources {
    private PinSources() {
    }

    /** On a token's final try, a person must confirm the PIN: only the prompt may spend it. */
    private static final String CONFIRM_AT_PROMPT =
            "enter the PIN at the prompt (run without --pin-env/--pin-file) so that a person confirms it";

    static PinCallback of(String envVar, Path file, Map<String, String> environment, Console console, PrintWriter err) {
        if (envVar != null) {
            return PinCallback.unattended(() -> {
                String value = environment.get(envVar);
                if (value == null || value.isEmpty()) {
                    throw new SignerException(ErrorCode.PIN_UNAVAILABLE,
                            "the environment variable " + envVar + " is not set or empty", "export it, or use --pin-file");
                }
                return value.toCharArray();
            }, CONFIRM_AT_PROMPT);
        }
        if (file != null) {
            return PinCallback.unattended(() -> PinFile.read(file), CONFIRM_AT_PROMPT);
        }
        return request -> prompt(request, console, err);
    }

    private static char[] prompt(PinRequest request, Console console, PrintWriter err) {
        String what = request.kind() == PinRequest.Kind.TOKEN_PIN ? "PIN" : "password";
        if (console == null) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE,
                    "no terminal to ask the " + what + " for " + request.target(),
                    "give it with --pin-env VAR or --pin-file FILE");
        }
        if (request.warning() != null) {
            err.println("warning: " + Printable.text(request.target()) + ": " + Printable.text(request.warning()));
            err.flush();
        }
        char[] pin = console.readPassword("%s for %s: ", what.substring(0, 1).toUpperCase() + what.substring(1), Printable.text(request.target()));
        if (pin == null || pin.length == 0) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE, "no " + what + " entered for " + request.target(), null);
        }
        return pin;
    }
}
