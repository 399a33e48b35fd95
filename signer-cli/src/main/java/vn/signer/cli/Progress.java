package vn.signer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on the terminal: documents done, rate and time left, redrawn a few times a second. */
final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Locale locale;
    private final long start = System.nanoTime();
    private int total;
    private long lastDraw;

    Progress(PrintWriter err, Locale locale) {
        this.err = err;
        this.locale = locale;
    }

    void start(int total) {
        this.total = total;
    }

    void update(int done, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String left = rate > 0 ? formatDuration((total - done) / rate) : "--:--";
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + CliWords.text(locale, "progress.line", done, total, DocumentRun.tenths(rate), left) + " ");
        err.flush();
    }

    void finish() {
        err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
        err.flush();
    }

    private static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
