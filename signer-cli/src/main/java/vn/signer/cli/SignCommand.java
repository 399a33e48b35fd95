package vn.signer.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;
import vn.signer.report.Json;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.SignOutcome;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.XmlPackaging;

/** Signs PDF and XML documents; each input gets a new signed file, inputs are never changed. */
@Command(name = "sign", description = {
    "Signs each FILE: a PDF as PAdES (an approval signature, added as an incremental update),",
    "an XML document as XAdES. The output is NAME-signed.EXT beside the input unless -o is given."})
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Mixin
    KeySourceOptions source;

    @ArgGroup(exclusive = true)
    KeyChoiceOptions keyChoice;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The signed file (only with a single FILE).")
    Path output;

    @Option(names = "--force", description = "Replace an existing output file (never an input).")
    boolean force;

    @Option(names = "--json", description = "Print one JSON line per document.")
    boolean json;

    @Option(names = "--reason", description = "The reason for signing (PDF).")
    String reason;

    @Option(names = "--location", description = "Where the document is signed (PDF).")
    String location;

    @Option(names = "--contact", description = "How to contact the signer (PDF).")
    String contact;

    @Option(names = "--digest", paramLabel = "ALG", defaultValue = "SHA256",
            description = "Digest algorithm: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    SignatureScheme.Digest digest;

    @Option(names = "--rsa-padding", paramLabel = "PADDING", defaultValue = "PKCS1_V15",
            description = "RSA padding: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    SignatureScheme.RsaPadding padding;

    @Option(names = "--xml-packaging", paramLabel = "KIND", defaultValue = "ENVELOPED",
            description = "XML signature placement: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    XmlPackaging xmlPackaging;

    @Option(names = "--certify", description = "Make a PDF certification signature (allows only form filling and "
            + "further signatures). Not for documents that others must sign after you.")
    boolean certify;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF or XML documents to sign.")
    List<Path> files;

    /** The JSON line for one document. */
    record Line(String file, String output, String status, String level, String signer, Instant signingTime,
                Long ms, String error, String message) {
    }

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        if (output != null && files.size() > 1) {
            throw new SignerException(ErrorCode.USAGE, "-o names one output but " + files.size() + " files were given",
                    "sign one file at a time with -o, or leave -o out");
        }
        SignatureOptions options = SignatureOptions.builder()
                .scheme(new SignatureScheme(digest, padding))
                .reason(reason).location(location).contactInfo(contact)
                .xmlPackaging(xmlPackaging).certify(certify)
                .build();
        KeySelector selector = KeyChoiceOptions.selector(keyChoice);
        Terminal terminal = root.terminal();
        try (KeySource keys = source.open(terminal)) {
            SigningKey key = keys.key(selector);
            DocumentSigner signer = DocumentSigner.create(key, options);
            int exit = ExitCodes.OK;
            for (Path file : files) {
                int code = signOne(signer, file, terminal);
                if (exit == ExitCodes.OK) {
                    exit = code;
                }
            }
            return exit;
        }
    }

    private int signOne(DocumentSigner signer, Path file, Terminal terminal) {
        Path target = output != null ? output : DocumentSigner.defaultOutput(file);
        try {
            SignOutcome outcome = signer.sign(file, target, force);
            if (json) {
                terminal.out().println(Json.line(new Line(file.toString(), outcome.output().toString(), "signed",
                        outcome.level(), outcome.signer(), outcome.signingTime(), outcome.millis(), null, null)));
            } else {
                terminal.out().println("signed " + file + " -> " + outcome.output() + " (" + outcome.level() + ", "
                        + outcome.signer() + ", " + outcome.millis() + " ms)");
            }
            terminal.out().flush();
            return ExitCodes.OK;
        } catch (SignerException e) {
            if (!isPerDocument(e.code())) {
                throw e;
            }
            if (root.verbose) {
                e.printStackTrace(terminal.err());
            }
            if (json) {
                terminal.out().println(Json.line(new Line(file.toString(), target.toString(), "failed", null, null, null,
                        null, e.code().name(), e.oneLine())));
                terminal.out().flush();
            }
            terminal.err().println("signer: " + e.oneLine());
            terminal.err().flush();
            return ExitCodes.of(e.code());
        }
    }

    /** Failures that concern one document; anything else (the key, the token) stops the run. */
    private static boolean isPerDocument(ErrorCode code) {
        return switch (code) {
            case BAD_INPUT, NOT_SIGNABLE, INPUT_MISSING, OUTPUT_EXISTS, USAGE, IO -> true;
            default -> false;
        };
    }
}
