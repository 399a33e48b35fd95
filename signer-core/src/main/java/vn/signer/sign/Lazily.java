package vn.signer.sign;

import java.util.function.Supplier;

/**
 * A value made on first use, once, safely across threads. DSS's XAdES service takes about a second to
 * set up (XML security and schemas); a run that signs only PDFs should not pay for it, and the other
 * way round.
 */
final class Lazily<T> implements Supplier<T> {
    private final Supplier<T> maker;
    private volatile T value;

    Lazily(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = maker.get();
                    value = made;
                }
            }
        }
        return made;
    }
}
