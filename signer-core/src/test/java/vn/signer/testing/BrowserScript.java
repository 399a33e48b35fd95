package vn.signer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the Playwright scripts in the repository's {@code browser-tests/} folder with Node.js,
 * against Debian's chromium (the scripts launch it through {@code browser-tests/lib/chromium.mjs}).
 * The script reads what it needs (addresses, file paths) from the environment and exits non-zero
 * on the first failed step; a missing node, chromium or {@code npm ci} fails the test, since the test
 * command installs them.
 */
public final class BrowserScript {
    private BrowserScript() {
    }

    /** Runs {@code browser-tests/NAME} with {@code environment}, waiting at most {@code timeout}. */
    public static Tools.Result run(String name, Map<String, String> environment, Duration timeout) {
        Path folder = Tools.repo().resolve("browser-tests");
        Path script = folder.resolve(name);
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("no browser script " + script);
        }
        if (!Files.isDirectory(folder.resolve("node_modules/playwright-core"))) {
            throw new AssertionError("playwright-core is not installed in " + folder
                    + ": run scripts/test.sh (it runs npm ci there), or npm ci --prefix browser-tests");
        }
        return Tools.run(List.of("node", script.toString()), environment, timeout);
    }

    /** Runs the script and fails the test, with the script's output, unless every step passed. */
    public static Tools.Result pass(String name, Map<String, String> environment, Duration timeout) {
        Tools.Result result = run(name, environment, timeout);
        Tools.check(result, "browser script " + name);
        return result;
    }
}
