package vn.signer.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import vn.signer.batch.BatchItem;
import vn.signer.batch.BatchListener;
import vn.signer.batch.BatchPlan;
import vn.signer.batch.BatchResult;
import vn.signer.batch.BatchRunner;
import vn.signer.batch.BatchSummary;
import vn.signer.keys.HashSigner;
import vn.signer.report.Json;
import vn.signer.report.Printable;

/**
 * Runs 'sign' or 'extend' over files and folders and reports: on a terminal a progress bar, failures
 * and a summary; otherwise (or with --json) one line per document and a summary. Exit 0 when every
 * document is done, 1 when some failed and others were done, and the first failure's code when none
 * was done. File and signer names in text lines are shown through {@link Printable}; JSON keeps them exact.
 */
final class DocumentRun {
    private final Terminal terminal;
    private final BatchOptions options;
    private final boolean verbose;
    private final String verb;
    private final Locale locale;

    /** The JSON line for one document. */
    record Line(String file, String output, String status, String level, String signer, Instant signingTime,
                List<URI> timestampAuthorities, Long ms, String error, String message) {
    }

    /** The JSON summary line. */
    record Summary(int total, int signed, int skipped, int failed, double seconds, double perSecond) {
    }

    /** Wraps the summary as {"summary": {...}} so that it cannot be mistaken for a document's line. */
    record SummaryLine(Summary summary) {
    }

    DocumentRun(Terminal terminal, BatchOptions options, boolean verbose, String verb, Locale locale) {
        this.terminal = terminal;
        this.options = options;
        this.locale = locale;
        this.verbose = verbose;
        this.verb = verb;
    }

    /** The most documents worked on at once for a remote key, each waiting for its share of an authorisation. */
    static final int MAX_REMOTE_JOBS = 64;

    int run(List<Path> files, UnaryOperator<Path> besideInput, BatchRunner.Operation operation, BatchRunner.DoneCheck done) {
        return run(files, besideInput, operation, done, HashSigner.Batching.NONE);
    }

    /**
     * Runs the batch, telling {@code batching} (a remote key's) how many documents come and when each
     * is done, so that it asks one authorisation for several; unless --jobs says otherwise, as many
     * documents are then worked on at once as one authorisation covers (up to {@value #MAX_REMOTE_JOBS}).
     */
    int run(List<Path> files, UnaryOperator<Path> besideInput, BatchRunner.Operation operation, BatchRunner.DoneCheck done,
            HashSigner.Batching batching) {
        // Left to the core, a folder named by -o would be "an output that exists already".
        if (options.output != null && Files.isDirectory(options.output)) {
            throw CliMessages.outputIsFolder(options.output, besideInput.apply(files.get(0)));
        }
        List<BatchItem> items = new BatchPlan(options.folders.finder(), options.outDir, besideInput).items(files, options.output);
        boolean bar = terminal.console() != null && !options.json && items.size() > 1;
        Progress progress = new Progress(terminal.err(), locale);
        int jobs = options.jobs == null ? Math.max(options.jobs(), Math.min(batching.maxPerAuthorisation(), MAX_REMOTE_JOBS))
                : options.jobs();
        BatchSummary summary = new BatchRunner(operation, done, jobs, options.force).run(items, new BatchListener() {
            private int finished;

            @Override
            public void started(int total) {
                progress.start(total);
            }

            @Override
            public void finished(BatchResult result) {
                finished++;
                report(result, bar);
                if (bar) {
                    progress.update(finished, false);
                }
            }
        }, batching);
        if (bar) {
            progress.update(summary.total(), true);
            progress.finish();
        }
        printSummary(summary);
        int completed = summary.signed() + summary.skipped();
        if (summary.failed().isEmpty()) {
            return ExitCodes.OK;
        }
        return completed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.of(summary.failed().get(0).error());
    }

    private void report(BatchResult r, boolean bar) {
        String status = r.status().name().toLowerCase();
        if (options.json) {
            var o = r.outcome();
            terminal.out().println(Json.line(new Line(r.input().toString(), r.output().toString(),
                    r.status() == BatchResult.Status.SIGNED ? verb : status,
                    o == null ? null : o.level(), o == null ? null : o.signer(), o == null ? null : o.signingTime(),
                    o == null ? List.of() : o.timestampAuthorities(), r.millis(),
                    r.error() == null ? null : r.error().name(), r.message())));
        } else if (r.status() == BatchResult.Status.SIGNED && !bar) {
            var o = r.outcome();
            List<String> facts = new ArrayList<>();
            facts.add(o.level());
            if (o.signer() != null) {
                facts.add(Printable.text(o.signer()));
            }
            if (!o.timestampAuthorities().isEmpty()) {
                facts.add(CliWords.text(locale, "run.timestampFrom", o.timestampAuthorities().stream().map(Printable::text).toList()));
            }
            facts.add(CliWords.text(locale, "run.millis", o.millis()));
            terminal.out().println(CliWords.text(locale, "run.done", CliWords.text(locale, "verb." + verb),
                    Printable.text(r.input()), Printable.text(r.output()), String.join(", ", facts)));
        } else if (r.status() == BatchResult.Status.SKIPPED && !bar) {
            terminal.out().println(CliWords.text(locale, "run.skipped", Printable.text(r.input()), Printable.text(r.output())));
        }
        if (r.status() == BatchResult.Status.FAILED) {
            if (bar) {
                terminal.err().print("\r");
            }
            terminal.err().println(CliMessages.error(r.failure(), locale));
            terminal.err().flush();
        }
        terminal.out().flush();
    }

    private void printSummary(BatchSummary s) {
        double seconds = s.elapsed().toNanos() / 1e9;
        if (options.json) {
            terminal.out().println(Json.line(new SummaryLine(new Summary(s.total(), s.signed(), s.skipped(), s.failed().size(),
                    seconds, s.rate()))));
        } else if (s.total() > 1) {
            terminal.out().println(CliWords.text(locale, "run.summary", s.total(), s.signed(), CliWords.text(locale, "verb." + verb),
                    s.skipped(), s.failed().size(), tenths(seconds), tenths(s.rate())));
        }
        terminal.out().flush();
        if (verbose) {
            s.failed().forEach(f -> terminal.err().println(CliWords.text(locale, "run.failed", Printable.text(f.input()),
                    Printable.text(f.message()))));
        }
    }

    /** {@code value} to one decimal, as the summary and the progress bar show rates and times. */
    static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
