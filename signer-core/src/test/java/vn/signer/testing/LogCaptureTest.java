package vn.signer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** A passing test's log lines are not shown; a failing test's own are, and only its own. */
class LogCaptureTest {
    private static final ByteArrayOutputStream SHOWN = new ByteArrayOutputStream();

    /** Run by the test below, not by Surefire (a nested class). */
    static class Sample {
        @RegisterExtension
        static final LogCapture CAPTURE = new LogCapture(new PrintStream(SHOWN, true, StandardCharsets.UTF_8));

        @Test
        void passes() {
            System.err.println("[main] INFO eu.europa.esig.dss - line of the passing test");
        }

        @Test
        void fails() {
            System.err.println("[main] WARN eu.europa.esig.dss - line of the failing test");
            fail("fails as planned");
        }
    }

    @Test
    void onlyAFailingTestsOwnLinesAreShown() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(),
                summary);
        assertEquals(2, summary.getSummary().getTestsStartedCount());
        assertEquals(1, summary.getSummary().getTestsFailedCount());
        String shown = SHOWN.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("line of the failing test"), shown);
        assertFalse(shown.contains("line of the passing test"), shown);
    }
}
