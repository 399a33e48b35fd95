package vn.signer.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what a test class and each of its tests write to standard error (where slf4j-simple writes
 * DSS's, Jetty's and signer's logs, looking System.err up at every line) and shows it only when the
 * test or the class fails: a passing run prints no library log lines, a failing test shows its own.
 * Registered for every test of every module (META-INF/services, with extension autodetection on in
 * the Surefire configuration).
 */
public final class LogCapture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final PrintStream REAL = System.err;
    /** One buffer for the class (its @BeforeAll and @AfterAll) and one for the test running in it. */
    private static final Deque<ByteArrayOutputStream> KEPT = new ArrayDeque<>();
    private final PrintStream shown;

    /** Shows a failing test's lines on the standard error the test run started with. */
    public LogCapture() {
        this(REAL);
    }

    /** Shows a failing test's lines on {@code shown}. */
    LogCapture(PrintStream shown) {
        this.shown = shown;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        keep();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        keep();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        release(context);
    }

    private static synchronized void keep() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        KEPT.push(buffer);
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    private void release(ExtensionContext context) {
        synchronized (LogCapture.class) {
            released(context);
        }
    }

    private void released(ExtensionContext context) {
        ByteArrayOutputStream buffer = KEPT.poll();
        ByteArrayOutputStream outer = KEPT.peek();
        System.setErr(outer == null ? REAL : new PrintStream(outer, true, StandardCharsets.UTF_8));
        if (buffer != null && buffer.size() > 0 && context.getExecutionException().isPresent()) {
            shown.println("---- standard error of " + context.getDisplayName() + " (it failed):");
            shown.print(buffer.toString(StandardCharsets.UTF_8));
            shown.println("---- end of " + context.getDisplayName());
            shown.flush();
        }
    }
}
