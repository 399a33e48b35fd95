package vn.signer.cli.agent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.signer.report.Printable;
import vn.signer.report.Words;

/** The agent's words for the person, from the command line's Messages bundle (Vietnamese and English). */
final class AgentTexts {
    private AgentTexts() {
    }

    static String text(Locale locale, String key, Object... args) {
        return Words.of(locale).message(AgentSetup.BUNDLE, key, List.of(args));
    }

    /** The lines that show a request: who asks, what the site says it is, who signs, the hash. */
    static List<String> describe(Ask ask, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "agent.ask.title", ask.origin()));
        Ask.StatedDocument d = ask.document();
        lines.add(text(locale, "agent.ask.stated", ask.origin()));
        lines.add("  " + text(locale, "agent.ask.name", shown(d.name())));
        lines.add("  " + text(locale, "agent.ask.number", shown(d.number())));
        lines.add("  " + text(locale, "agent.ask.mode", shown(d.mode())));
        lines.add("  " + text(locale, "agent.ask.sha256", shown(d.sha256())));
        lines.add(text(locale, "agent.ask.certificate", Printable.text(ask.certificate())));
        lines.add(text(locale, "agent.ask.hash", ask.hashHex()));
        return lines;
    }

    /** A text of the page's, NFC with control characters escaped; a dash for none. */
    private static String shown(String text) {
        return text == null || text.isEmpty() ? "—" : Printable.text(text);
    }

    /** Whether the answer typed is a yes: c/có/đồng ý in Vietnamese, y/yes in English, either way. */
    static boolean isYes(String answer, Locale locale) {
        String a = Normalizer.normalize(answer.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return List.of("c", "có", "co", "đồng ý", "dong y", "y", "yes").contains(a);
    }
}
