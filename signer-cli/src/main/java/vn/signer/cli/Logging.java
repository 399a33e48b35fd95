package vn.signer.cli;

/**
 * DSS and PDFBox log a lot at INFO and WARN for things the report already says; the command line
 * shows only errors unless --verbose. Must run before the libraries create their loggers.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
