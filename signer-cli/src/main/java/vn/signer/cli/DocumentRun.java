package vn.signer.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.report.Json;
import vn.signer.sign.SignOutcome;

/**
 * Runs one operation (sign or extend) over several documents: one output line per document (text or
 * JSON), a failing document reported and skipped, anything that concerns the key or the services
 * stopping the run. Shared by 'sign' and 'extend'.
 */
final class DocumentRun {
    /** Signs or extends one document into an output. */
    @FunctionalInterface
    interface Operation {
        SignOutcome apply(Path input, Path output);
    }

    /** The JSON line for one document. */
    record Line(String file, String output, String status, String level, String signer, Instant signingTime,
                List<URI> timestampAuthorities, Long ms, String error, String message) {
    }

    private final Terminal terminal;
    private final boolean json;
    private final boolean verbose;
    private final String verb;
    private final Locale locale;

    DocumentRun(Terminal terminal, boolean json, boolean verbose, String verb, Locale locale) {
        this.terminal = terminal;
        this.locale = locale;
        this.json = json;
        this.verbose = verbose;
        this.verb = verb;
    }

    /**
     * @param output         the single output (-o), or null for each document's default
     * @param defaultOutput  where a document's output goes without -o
     * @return 0 when every document succeeded, else the exit code of the first failure
     */
    int run(List<Path> files, Path output, UnaryOperator<Path> defaultOutput, Operation operation) {
        if (output != null && files.size() > 1) {
            throw new SignerException(ErrorCode.USAGE, "-o names one output but " + files.size() + " files were given",
                    "process one file at a time with -o, or leave -o out");
        }
        int exit = ExitCodes.OK;
        for (Path file : files) {
            int code = one(file, output != null ? output : defaultOutput.apply(file), operation);
            if (exit == ExitCodes.OK) {
                exit = code;
            }
        }
        return exit;
    }

    private int one(Path file, Path target, Operation operation) {
        try {
            SignOutcome outcome = operation.apply(file, target);
            if (json) {
                terminal.out().println(Json.line(new Line(file.toString(), outcome.output().toString(), verb,
                        outcome.level(), outcome.signer(), outcome.signingTime(), outcome.timestampAuthorities(),
                        outcome.millis(), null, null)));
            } else {
                terminal.out().println(verb + " " + file + " -> " + outcome.output() + " (" + outcome.level()
                        + (outcome.signer() == null ? "" : ", " + outcome.signer())
                        + (outcome.timestampAuthorities().isEmpty() ? "" : ", timestamp from "
                                + String.join(", ", outcome.timestampAuthorities().stream().map(URI::toString).toList()))
                        + ", " + outcome.millis() + " ms)");
            }
            terminal.out().flush();
            return ExitCodes.OK;
        } catch (SignerException e) {
            if (!isPerDocument(e.code())) {
                throw e;
            }
            if (verbose) {
                e.printStackTrace(terminal.err());
            }
            if (json) {
                terminal.out().println(Json.line(new Line(file.toString(), target.toString(), "failed", null, null, null,
                        List.of(), null, e.code().name(), e.oneLine())));
                terminal.out().flush();
            }
            terminal.err().println(CliMessages.error(e, locale));
            terminal.err().flush();
            return ExitCodes.of(e.code());
        }
    }

    /** Failures that concern one document; anything else (the key, the token, the TSA) stops the run. */
    private static boolean isPerDocument(ErrorCode code) {
        return switch (code) {
            case BAD_INPUT, NOT_SIGNABLE, INPUT_MISSING, OUTPUT_EXISTS, USAGE, IO -> true;
            default -> false;
        };
    }
}
