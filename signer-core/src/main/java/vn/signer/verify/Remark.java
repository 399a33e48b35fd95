package vn.signer.verify;

import java.util.List;

/**
 * A finding of the verifier held as a key of the Reasons bundle and its parameters, so that it is put
 * into words only when a report is made, in the report's language.
 *
 * @param key  the key in the Reasons bundle
 * @param args the values of the key's {0}, {1}... placeholders
 */
record Remark(String key, List<Object> args) {

    Remark {
        args = List.copyOf(args);
    }

    static Remark of(String key, Object... args) {
        return new Remark(key, List.of(args));
    }

    String in(Texts texts) {
        return texts.get(key, args.toArray());
    }
}
