package vn.signer.cli.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How to make each browser trust the agent's certificate, once: the commands, per OS and browser. */
public final class AgentTrust {
    /** The name the certificate is stored under in NSS databases. */
    static final String NICKNAME = "signer agent";

    private AgentTrust() {
    }

    /** The lines to print, with the certificate's file and its public key's hash in them. */
    public static List<String> steps(AgentCertificate certificate, int port, Locale locale) {
        String at = String.valueOf(port);
        Path file = certificate.file();
        return List.of(
                AgentTexts.text(locale, "agent.trust.intro", file.toString()),
                "  " + AgentTexts.text(locale, "agent.trust.linux"),
                "    certutil -d sql:$HOME/.pki/nssdb -A -t \"P,,\" -n \"" + NICKNAME + "\" -i '" + file + "'",
                "  " + AgentTexts.text(locale, "agent.trust.firefox", at),
                "    certutil -d sql:$HOME/.mozilla/firefox/PROFILE -A -t \"P,,\" -n \"" + NICKNAME + "\" -i '" + file + "'",
                "  " + AgentTexts.text(locale, "agent.trust.macos"),
                "    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '" + file + "'",
                "  " + AgentTexts.text(locale, "agent.trust.windows"),
                "    certutil -addstore -user Root \"" + file + "\"",
                "  " + AgentTexts.text(locale, "agent.trust.visit", at),
                "  " + AgentTexts.text(locale, "agent.trust.spki", certificate.spkiSha256()));
    }
}
