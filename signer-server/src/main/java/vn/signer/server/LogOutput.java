package vn.signer.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import vn.signer.report.Printable;

/**
 * The server's standard error, where its logs and the libraries' go: UTF-8 whatever the locale, and
 * every text printed shown through {@link Printable}. Logged messages quote what callers sent — a
 * library's warning about a malformed PDF, the message of an exception raised by an uploaded
 * document, a certificate's name — and a newline in them must not forge a log line, nor an ESC
 * sequence reach the terminal of whoever reads the log. Leading tabs are kept: a stack trace indents
 * its frames with them.
 */
final class LogOutput extends PrintStream {

    LogOutput(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    /** Every print and println of text or objects (a logger's line, a stack trace's) comes through here. */
    @Override
    public void print(String text) {
        if (text == null) {
            super.print(text);
            return;
        }
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == '\t') {
            indent++;
        }
        super.print(text.substring(0, indent) + Printable.text(text.substring(indent)));
    }
}
