package vn.signer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import vn.signer.remote.Waiting;

/**
 * Shows, on one line of standard error that it rewrites, that a remote key waits for its holder to
 * confirm on the phone, with the time left. Ctrl-C ends the wait: nothing has been written then.
 */
final class PhoneWait implements Waiting {
    private final PrintWriter err;
    private final Locale locale;

    PhoneWait(PrintWriter err, Locale locale) {
        this.err = err;
        this.locale = locale;
    }

    @Override
    public synchronized void waiting(String service, Duration left) {
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        err.print("\r" + CliWords.text(locale, "remote.waiting", service, seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60)));
        err.flush();
    }

    @Override
    public synchronized void over() {
        err.println();
        err.flush();
    }
}
