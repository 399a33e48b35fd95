package vn.signer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.testing.Tools;

/**
 * bin/signer-server as operators start it, under {@code env -i} (systemd, cron) and under a locale that
 * is not installed: a configuration path in Vietnamese arrives whole, and what its messages quote is
 * UTF-8 and escaped on standard error, where the logs go.
 */
class ServerLauncherIT {
    private static final Path SERVER = Tools.repo().resolve("bin/signer-server");
    private static final Path JAR = Tools.repo().resolve("signer-server/target/signer-server.jar");

    @TempDir
    Path dir;

    @BeforeAll
    static void preconditions() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is not built: run 'mvn verify' (or 'mvn package' before this test)");
        Tools.requireUtf8Jvm();
    }

    private static Tools.Result server(List<String> environment, Path config) {
        return Tools.runWithoutEnvironment(environment, List.of(SERVER.toString(), "--config", config.toString()));
    }

    @Test
    void aVietnameseConfigurationPathIsNamedExactly() {
        Path config = dir.resolve("Cấu hình máy chủ.yaml");
        for (List<String> environment : List.of(List.<String>of(), List.of("LANG=xx_YY.UTF-8"))) {
            Tools.Result run = server(environment, config);
            assertEquals(78, run.exitCode(), environment + ": " + run.all());
            assertEquals(List.of("signer-server: " + config + ": no such configuration file — check the path given to --config"),
                    run.stderr().lines().toList(), environment.toString());
        }
    }

    @Test
    void startUpErrorsAreInTheOperatorsLanguage() {
        Path config = dir.resolve("máy chủ.yaml");
        String vietnamese = "signer-server: lỗi: " + config + ": không có tệp cấu hình này — kiểm tra đường dẫn đưa cho --config";
        Tools.Result byLocale = server(List.of("LANG=vi_VN.UTF-8"), config);
        assertEquals(78, byLocale.exitCode(), byLocale.all());
        assertEquals(List.of(vietnamese), byLocale.stderr().lines().toList());
        Tools.Result byFlag = Tools.runWithoutEnvironment(List.of(),
                List.of(SERVER.toString(), "--config", config.toString(), "--lang", "vi"));
        assertEquals(List.of(vietnamese), byFlag.stderr().lines().toList(), byFlag.all());
        Tools.Result usage = Tools.runWithoutEnvironment(List.of("LANG=vi_VN.UTF-8"), List.of(SERVER.toString()));
        assertEquals(64, usage.exitCode(), usage.all());
        assertTrue(usage.stderr().startsWith("cách dùng: signer-server --config TỆP"), usage.all());
    }

    @Test
    void aPathHoldingANewlineAndEscIsOneEscapedLine() {
        Path config = dir.resolve("a\n[main] INFO forged\u001b[2K.yaml");
        Tools.Result run = server(List.of(), config);
        assertEquals(78, run.exitCode(), run.all());
        assertEquals(List.of("signer-server: " + dir + "/a\\n[main] INFO forged\\u001b[2K.yaml: no such configuration file — check the path given to --config"),
                run.stderr().lines().toList());
    }
}
