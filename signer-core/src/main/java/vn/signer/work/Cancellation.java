package vn.signer.work;

import java.util.concurrent.CancellationException;

/**
 * Lets long work be stopped by interrupting the thread that runs it. DSS and PDFBox do not look at
 * a thread's interrupt flag while they compute, so verification looks at it itself between its stages
 * and in its own loops (each page compared, each XML signature inspected): a verification whose
 * thread is interrupted ends at the next of these with {@link CancellationException}, instead of
 * running to its end for a caller who has gone. The flag is left set, so that every later check and
 * every interruptible read (a file channel) fails too.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /**
     * @throws CancellationException when the current thread has been interrupted
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the work was stopped");
        }
    }
}
