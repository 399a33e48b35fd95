package vn.signer.cli.agent;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.signer.keys.PinRequest;
import vn.signer.keys.TokenInfo;
import vn.signer.report.Printable;
import vn.signer.report.Words;

/**
 * The person at the terminal the agent runs in: requests are printed there, the answer and the PIN
 * typed there (the PIN hidden when there is a console; from the piped input otherwise, which is how a
 * test or a pseudo-terminal drives it). Reads happen on one thread of their own, so that a question
 * left unanswered times out; the line typed after a timeout is read for it and dropped.
 */
public final class TerminalPerson implements Person {
    private final Console console;
    private final BufferedReader input;
    private final PrintWriter out;
    private final Locale locale;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "signer-agent-terminal");
        thread.setDaemon(true);
        return thread;
    });

    /** @param console the console, or null to read {@code input} */
    public TerminalPerson(Console console, BufferedReader input, PrintWriter out, Locale locale) {
        this.console = console;
        this.input = input;
        this.out = out;
        this.locale = locale;
    }

    @Override
    public boolean confirms(Ask ask, Duration limit) {
        for (String line : AgentTexts.describe(ask, locale)) {
            out.println(line);
        }
        out.print(AgentTexts.text(locale, "agent.ask.confirm", limit.toSeconds()));
        out.flush();
        String answer = read(false, limit);
        if (answer == null) {
            out.println();
            out.println(AgentTexts.text(locale, "agent.ask.timedOut"));
            out.flush();
            return false;
        }
        return AgentTexts.isYes(answer, locale);
    }

    @Override
    public char[] pin(PinRequest request, String origin, Duration limit) {
        if (request.pinStatus() != TokenInfo.PinStatus.OK) {
            out.println(AgentTexts.text(locale, "pin.warning", Printable.text(Words.of(locale).text(request.target())),
                    AgentTexts.text(locale, "pin.status." + request.pinStatus().name())));
        }
        out.print(AgentTexts.text(locale, "agent.ask.pin", AgentTexts.text(locale, "pin.kind." + request.kind().name()),
                Printable.text(Words.of(locale).text(request.target())), origin));
        out.flush();
        String pin = read(true, limit);
        if (pin == null || pin.isEmpty()) {
            out.println();
            out.flush();
            return null;
        }
        return pin.toCharArray();
    }

    @Override
    public void told(String line) {
        out.println(line);
        out.flush();
    }

    /** A line, or null when none came within {@code limit} or the input ended. */
    private String read(boolean secret, Duration limit) {
        Future<String> line = reader.submit(() -> {
            if (console != null) {
                return secret ? charsOrNull(console.readPassword()) : console.readLine();
            }
            try {
                return input.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String charsOrNull(char[] chars) {
        return chars == null ? null : new String(chars);
    }
}
