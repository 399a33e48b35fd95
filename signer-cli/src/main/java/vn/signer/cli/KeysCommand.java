package vn.signer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.signer.certs.CertificateSummary;
import vn.signer.keys.KeyInfo;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.TokenInfo;
import vn.signer.report.Json;
import vn.signer.report.Printable;
import vn.signer.report.ReportText;

/**
 * Lists tokens and keys, so that users can tell signer which to use. Names read from the token or the
 * certificates are shown through {@link Printable}.
 */
@Command(name = "keys", description = {
    "Lists the tokens of a PKCS#11 module and the signing keys of a token or PKCS#12 file.",
    "Listing keys logs in (the PIN is asked once); with several tokens, choose one to list its keys."})
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    SignerCommand root;

    @Mixin
    KeySourceOptions source;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The JSON shape of a listing. */
    record Listing(String source, List<TokenInfo> tokens, List<KeyInfo> keys, String note) {
    }

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        Terminal terminal = root.terminal();
        List<TokenInfo> tokens = source.isPkcs11() ? Pkcs11KeySource.tokens(source.pkcs11Module()) : List.of();
        long usable = tokens.stream().filter(TokenInfo::initialized).count();
        if (source.isPkcs11() && !source.tokenChosen() && usable != 1) {
            String note = usable == 0 ? "no initialised token: plug the token in"
                    : "several tokens: choose one with --token-label, --token-serial or --slot to list its keys";
            print(terminal, new Listing(source.pkcs11Module().toString(), tokens, List.of(), note));
            return ExitCodes.OK;
        }
        try (KeySource keys = source.open(terminal, KeySelector.only())) {
            print(terminal, new Listing(keys.describe(), tokens, keys.keys(), null));
        }
        return ExitCodes.OK;
    }

    private void print(Terminal terminal, Listing listing) {
        if (json) {
            terminal.out().println(Json.line(listing));
            return;
        }
        StringBuilder out = new StringBuilder();
        if (!listing.tokens().isEmpty()) {
            out.append("Tokens:\n");
            for (TokenInfo t : listing.tokens()) {
                out.append("  slot ").append(t.slotIndex()).append(": ")
                        .append(t.initialized() ? "'" + Printable.text(t.label()) + "'" : "(not initialised)")
                        .append("  serial ").append(Printable.text(t.serialNumber()))
                        .append("  ").append(Printable.text(t.manufacturer())).append(' ').append(Printable.text(t.model()))
                        .append(t.pinStatus() == TokenInfo.PinStatus.OK ? "" : "  [" + t.pinStatus().warning() + "]")
                        .append('\n');
            }
        }
        if (listing.note() != null) {
            out.append(listing.note()).append('\n');
        } else {
            out.append("Keys in ").append(Printable.text(listing.source())).append(":\n");
            if (listing.keys().isEmpty()) {
                out.append("  (none)\n");
            }
            for (KeyInfo k : listing.keys()) {
                CertificateSummary c = k.certificate();
                out.append("  label '").append(Printable.text(k.label())).append('\'')
                        .append(k.id() == null ? "" : "  id " + k.id()).append('\n')
                        .append("    subject:  ").append(Printable.text(c.subject())).append('\n')
                        .append("    issuer:   ").append(Printable.text(c.issuer())).append('\n')
                        .append("    serial:   ").append(c.serialNumber()).append('\n')
                        .append("    valid:    ").append(ReportText.time(c.notBefore())).append(" to ")
                        .append(ReportText.time(c.notAfter())).append('\n')
                        .append("    usage:    ").append(String.join(", ", c.keyUsage())).append('\n')
                        .append("    key:      ").append(c.keyAlgorithm()).append(' ').append(c.keySize()).append(" bits\n")
                        .append("    sha256:   ").append(c.sha256()).append('\n');
            }
        }
        terminal.out().print(out);
        terminal.out().flush();
    }
}
