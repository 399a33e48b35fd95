package vn.signer.appearance;

import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lines of text an appearance draws, once the signing time and the signer are known. */
final class AppearanceText {
    /** ISO 8601 with the Vietnam offset and whole seconds, as Decree 30 shows it: 2025-03-05T14:30:15+07:00. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private AppearanceText() {
    }

    /** The lines, NFC; empty for a PERSONAL appearance and an ORGANISATION one without number or date. */
    static List<String> lines(Appearance appearance, SigningContext context) {
        String time = TIME.format(context.signingTime());
        List<String> lines = new ArrayList<>();
        switch (appearance.mode()) {
            case PERSONAL -> {
                // The image says it all; the signer's details are in the signature itself.
            }
            case ORGANISATION -> {
                addIfPresent(lines, appearance.docNumber() == null ? null : "Số: " + appearance.docNumber());
                addIfPresent(lines, appearance.issuedDate() == null ? null : "Ngày: " + DATE.format(appearance.issuedDate()));
            }
            case COPY -> {
                lines.add(appearance.copyKind().label());
                lines.add(appearance.organisation());
                lines.add(time);
            }
            case APPENDIX, ATTACHMENT -> {
                addIfPresent(lines, appearance.organisation());
                lines.add(appearance.docNumber());
                lines.add(time);
            }
            case TEXT -> lines.addAll(fill(appearance.template(), Map.of(
                    "{signer}", orEmpty(context.signer()),
                    "{org}", orEmpty(appearance.organisation() != null ? appearance.organisation() : context.organisation()),
                    "{time}", time,
                    "{reason}", orEmpty(context.reason()),
                    "{location}", orEmpty(context.location()))));
        }
        return lines.stream().map(l -> Normalizer.normalize(l, Normalizer.Form.NFC)).toList();
    }

    /** Fills the placeholders; a line whose placeholders are all empty is left out rather than shown bare. */
    private static List<String> fill(String template, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            boolean hasPlaceholder = false;
            boolean hasValue = false;
            String filled = line;
            for (Map.Entry<String, String> v : values.entrySet()) {
                if (filled.contains(v.getKey())) {
                    hasPlaceholder = true;
                    hasValue |= !v.getValue().isEmpty();
                    filled = filled.replace(v.getKey(), v.getValue());
                }
            }
            if (!hasPlaceholder || hasValue) {
                out.add(filled);
            }
        }
        return out;
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (line != null) {
            lines.add(line);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
