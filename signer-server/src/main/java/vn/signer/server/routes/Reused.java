package vn.signer.server.routes;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value worked out at most once per period and shared by every caller in between. No lock is held
 * while it is worked out (that may mean network requests): one caller works it out, and callers
 * meanwhile get the last value, or {@code meanwhile} before there is one, at once.
 */
final class Reused<T> {
    private record Kept<T>(T value, Instant at) {
    }

    private final Duration period;
    private final InstantSource clock;
    private final Supplier<T> compute;
    private final T meanwhile;
    private final AtomicReference<Kept<T>> last = new AtomicReference<>();
    private final AtomicBoolean computing = new AtomicBoolean();

    Reused(Duration period, InstantSource clock, Supplier<T> compute, T meanwhile) {
        this.period = period;
        this.clock = clock;
        this.compute = compute;
        this.meanwhile = Objects.requireNonNull(meanwhile);
    }

    T get() {
        Kept<T> kept = last.get();
        if (fresh(kept)) {
            return kept.value();
        }
        if (!computing.compareAndSet(false, true)) {
            return kept != null ? kept.value() : meanwhile;
        }
        try {
            // Another caller may have finished between the first look and winning the flag.
            kept = last.get();
            if (fresh(kept)) {
                return kept.value();
            }
            Instant started = clock.instant();
            T value = compute.get();
            last.set(new Kept<>(value, started));
            return value;
        } finally {
            computing.set(false);
        }
    }

    private boolean fresh(Kept<T> kept) {
        return kept != null && kept.at().plus(period).isAfter(clock.instant());
    }
}
