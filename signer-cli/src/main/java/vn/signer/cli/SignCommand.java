package vn.signer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.signer.config.OfficerProfile;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.SignatureScheme;
import vn.signer.keys.SigningKey;
import vn.signer.report.Json;
import vn.signer.report.Printable;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.Level;
import vn.signer.sign.Preflight;
import vn.signer.sign.PreflightReport;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SigningServices;
import vn.signer.sign.XmlPackaging;

/** Signs PDF and XML documents; each input gets a new signed file, inputs are never changed. */
@Command(name = "sign", description = {
    "Signs each FILE: a PDF as PAdES (an approval signature, added as an incremental update),",
    "an XML document as XAdES. The output is NAME-signed.EXT beside the input unless -o or --out-dir",
    "is given. Folders are signed whole, on all cores, with one login; run the same command again after",
    "an interruption and it finishes the rest (documents already signed with this key are skipped)."})
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Mixin
    KeySourceOptions source;

    @ArgGroup(exclusive = true)
    KeyChoiceOptions keyChoice;

    @Mixin
    BatchOptions batch;

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

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Baseline level: ${COMPLETION-CANDIDATES} (default: the profile's, else B). T and above need --tsa; "
                    + "LT and LTA also --trust.")
    Level level;

    @Mixin
    ProfileOptions profile;

    @Option(names = "--check", description = "Check, without signing, whether the level can be reached with this key "
            + "and these settings, and say what is missing. The files are not touched.")
    boolean check;

    @Mixin
    TrustOptions trust;

    @Mixin
    TsaOptions tsa;

    @Mixin
    AppearanceOptions appearance;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files",
            description = "PDF or XML documents to sign, or folders of them (see --recursive, --include, --out-dir).")
    List<Path> files;

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        OfficerProfile chosen = profile.profile(root.terminal());
        Level level = this.level != null ? this.level : chosen != null && chosen.level() != null ? chosen.level() : Level.B;
        SignatureOptions options = SignatureOptions.builder()
                .level(level)
                .scheme(new SignatureScheme(digest, padding))
                .reason(reason).location(location).contactInfo(contact)
                .xmlPackaging(xmlPackaging).certify(certify)
                .appearance(appearance.build(chosen))
                .build();
        SigningServices services = new SigningServices(tsa.authorities(chosen), trust.settings(chosen).build());
        KeySelector selector = KeyChoiceOptions.selector(keyChoice, chosen);
        Terminal terminal = root.terminal();
        try (KeySource keys = source.open(terminal, selector, chosen, root.locale())) {
            SigningKey key = keys.key(selector);
            if (check) {
                return preflight(terminal, key, level, services);
            }
            DocumentSigner signer = DocumentSigner.create(key, options, services);
            return new DocumentRun(terminal, batch, root.verbose, "signed", root.locale()).run(files,
                    DocumentSigner::defaultOutput, (input, target, overwrite) -> {
                        appearance.warn(options.appearance(), input, terminal, root.locale());
                        return signer.sign(input, target, overwrite);
                    }, signer::isSignedCopy, key.batching());
        }
    }

    /** --check: says whether the level can be reached, and why not, without touching a document. */
    private int preflight(Terminal terminal, SigningKey key, Level level, SigningServices services) {
        PreflightReport report = Preflight.check(key, level, services);
        if (batch.json) {
            terminal.out().println(Json.line(report));
        } else {
            terminal.out().println(CliWords.text(root.locale(), report.reachable() ? "check.reachable" : "check.unreachable",
                    level, CliWords.shown(root.locale(), key.info().describe())));
            for (PreflightReport.Finding f : report.findings()) {
                terminal.out().println("  " + CliWords.text(root.locale(), "check.finding",
                        CliWords.text(root.locale(), "check." + f.severity().name()), CliMessages.inWords(f.problem(), root.locale())));
            }
        }
        terminal.out().flush();
        return report.reachable() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
