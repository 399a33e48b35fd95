package vn.signer.cli;

import java.util.List;
import java.util.Locale;
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
import vn.signer.report.Remark;
import vn.signer.report.Words;

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

    /** The JSON shape of a listing; the source is a fact (code, args and its English message), the same in every language. */
    record Listing(Remark source, List<TokenInfo> tokens, List<KeyInfo> keys, String note) {
    }

    @Override
    public Integer call() {
        Logging.configure(root.verbose);
        Terminal terminal = root.terminal();
        List<TokenInfo> tokens = source.isPkcs11() ? Pkcs11KeySource.tokens(source.pkcs11Module()) : List.of();
        long usable = tokens.stream().filter(TokenInfo::initialized).count();
        if (source.isPkcs11() && !source.tokenChosen() && usable != 1) {
            String note = CliWords.text(root.locale(), usable == 0 ? "keys.noToken" : "keys.severalTokens");
            print(terminal, new Listing(Remark.of("keys.module", source.pkcs11Module().toString()), tokens, List.of(), note));
            return ExitCodes.OK;
        }
        try (KeySource keys = source.open(terminal, KeySelector.only(), root.locale())) {
            print(terminal, new Listing(keys.describe(), tokens, keys.keys(), null));
        }
        return ExitCodes.OK;
    }

    private void print(Terminal terminal, Listing listing) {
        if (json) {
            terminal.out().println(Json.line(listing));
            return;
        }
        Locale l = root.locale();
        Words words = Words.of(l);
        StringBuilder out = new StringBuilder();
        if (!listing.tokens().isEmpty()) {
            out.append(CliWords.text(l, "keys.tokens")).append('\n');
            for (TokenInfo t : listing.tokens()) {
                out.append("  ").append(CliWords.text(l, "keys.slot", String.valueOf(t.slotIndex()),
                                t.initialized() ? "'" + Printable.text(t.label()) + "'" : CliWords.text(l, "keys.notInitialised"),
                                Printable.text(t.serialNumber()), Printable.text(t.manufacturer()) + ' ' + Printable.text(t.model())))
                        .append(t.pinStatus() == TokenInfo.PinStatus.OK ? ""
                                : "  [" + CliWords.text(l, "pin.status." + t.pinStatus().name()) + "]")
                        .append('\n');
            }
        }
        if (listing.note() != null) {
            out.append(listing.note()).append('\n');
        } else {
            out.append(CliWords.text(l, "keys.in", CliWords.shown(l, listing.source()))).append('\n');
            if (listing.keys().isEmpty()) {
                out.append("  ").append(CliWords.text(l, "keys.none")).append('\n');
            }
            for (KeyInfo k : listing.keys()) {
                CertificateSummary c = k.certificate();
                out.append("  ").append(CliWords.text(l, "keys.label", Printable.text(k.label())))
                        .append(k.id() == null ? "" : "  " + CliWords.text(l, "keys.id", k.id())).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.subject", Printable.text(c.subject()))).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.issuer", Printable.text(c.issuer()))).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.serial", c.serialNumber())).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.valid", words.time(c.notBefore()), words.time(c.notAfter()))).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.usage", String.join(", ", c.keyUsage()))).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.key", c.keyAlgorithm(), String.valueOf(c.keySize()))).append('\n')
                        .append("    ").append(CliWords.text(l, "keys.sha256", c.sha256())).append('\n');
            }
        }
        terminal.out().print(out);
        terminal.out().flush();
    }
}
