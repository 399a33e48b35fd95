package vn.signer.report;

import java.util.List;

/**
 * A fact a report states, held as a code and its parameters and put into words only when the report is
 * rendered ({@link Words}), in the language asked for. Codes and parameters are the same in every
 * language; JSON shows both beside the rendered message.
 *
 * @param code the fact's code (a key of the Reasons bundle)
 * @param args the values of the code's {0}, {1}... placeholders: strings, numbers, instants, lists of
 *             these, or remarks (a fact that is part of another)
 */
public record Remark(String code, List<Object> args) {

    public Remark {
        args = List.copyOf(args);
    }

    public static Remark of(String code, Object... args) {
        return new Remark(code, List.of(args));
    }
}
