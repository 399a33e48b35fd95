package vn.signer.batch;

/** Hears about a batch as it goes (progress bars, JSON lines). Called from worker threads, one call at a time. */
public interface BatchListener {

    /** Before the first document. */
    default void started(int total) {
    }

    /** After each document, in completion order. */
    void finished(BatchResult result);
}
