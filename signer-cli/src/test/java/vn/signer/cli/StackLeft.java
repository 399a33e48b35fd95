package vn.signer.cli;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the command with little stack left: on a thread that first recurses to within a given number
 * of frames of its stack's end (measured on a thread of the same size, after warming the recursion
 * up so that its frames keep one size).
 */
final class StackLeft {
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    /** Frames of {@link #burn} given back at each try: a few kilobytes, far less than verifying needs. */
    private static final int STEP = 50;

    private StackLeft() {
    }

    /**
     * The run of {@code args} with the least stack left in which picocli could still parse them.
     *
     * @throws AssertionError when no amount of stack lets them parse
     */
    static Cli.Run firstRunThatParses(String[] args) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            depth(); // warm-up: the recursion compiled, its frames of their final size
        }
        int depth = depth();
        for (int left = STEP; left < depth; left += STEP) {
            Cli.Run run = runAt(depth - left, args);
            if (run != null) {
                return run;
            }
        }
        throw new AssertionError("the command never parsed, even with the whole stack");
    }

    /** How deep {@link #burn} recurses on a fresh thread before its stack ends. */
    private static int depth() throws InterruptedException {
        int[] deepest = {0};
        Thread thread = new Thread(null, () -> {
            try {
                burn(0, Integer.MAX_VALUE, deepest, null, null);
            } catch (StackOverflowError expected) {
                // The depth reached is the measurement.
            }
        }, "stack measure", STACK_BYTES);
        thread.start();
        thread.join();
        return deepest[0];
    }

    /** The run at {@code depth} frames down, or null when the stack ended before the run returned. */
    private static Cli.Run runAt(int depth, String[] args) throws InterruptedException {
        AtomicReference<Cli.Run> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                burn(0, depth, new int[1], args, result);
            } catch (StackOverflowError parsing) {
                result.set(null); // too little left even to parse: the next try leaves more
            }
        }, "stack left", STACK_BYTES);
        thread.start();
        thread.join();
        return result.get();
    }

    private static void burn(int level, int depth, int[] deepest, String[] args, AtomicReference<Cli.Run> result) {
        deepest[0] = level;
        if (level < depth) {
            burn(level + 1, depth, deepest, args, result);
        } else {
            result.set(Cli.run(args));
        }
    }
}
