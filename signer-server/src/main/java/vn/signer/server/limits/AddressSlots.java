package vn.signer.server.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many requests each client address has in flight, so that one address (a few slow uploads, say)
 * cannot take every admission slot. An address with none in flight has no entry: the map holds only
 * addresses with requests running.
 */
public final class AddressSlots {
    private final int perAddress;
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public AddressSlots(int perAddress) {
        this.perAddress = perAddress;
    }

    /** Takes a slot for {@code address}; one taken must be given back with {@link #leave}. */
    public boolean enter(String address) {
        boolean[] admitted = {false};
        inFlight.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < perAddress;
            return admitted[0] ? count + 1 : n;
        });
        return admitted[0];
    }

    public void leave(String address) {
        inFlight.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }
}
