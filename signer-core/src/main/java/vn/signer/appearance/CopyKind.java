package vn.signer.appearance;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/** The kinds of copy Decree 30 names, with the words printed on the copy. */
public enum CopyKind {
    /** A full copy, same form as the original. */
    SAO_Y("SAO Y"),
    /** A full copy made from the original by a higher authority. */
    SAO_LUC("SAO LỤC"),
    /** An excerpt copy. */
    TRICH_SAO("TRÍCH SAO");

    private final String label;

    CopyKind(String label) {
        this.label = label;
    }

    /** The words printed in the text block, e.g. "SAO LỤC". */
    public String label() {
        return label;
    }

    /**
     * Reads "SAO Y", "sao lục", "TRICH_SAO" and the like: people type the Vietnamese words, scripts
     * the constant names.
     *
     * @throws SignerException USAGE for anything else
     */
    public static CopyKind parse(String text) {
        String wanted = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toUpperCase(new Locale("vi"));
        for (CopyKind kind : values()) {
            if (kind.label.equals(wanted) || kind.name().equals(wanted.replace(' ', '_'))) {
                return kind;
            }
        }
        throw new SignerException(ErrorCode.USAGE, Problem.of("copyKind.unknown", text,
                Arrays.stream(values()).map(k -> "\"" + k.label + "\"").toList()));
    }
}
