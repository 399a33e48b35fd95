package vn.signer.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the officer's configuration file is: the file a face was given, else {@code SIGNER_CONFIG},
 * else the user's configuration folder: {@code $XDG_CONFIG_HOME/signer/config.yaml} (or
 * {@code ~/.config/signer/config.yaml}) on Linux and other Unixes, {@code ~/Library/Application
 * Support/signer/config.yaml} on macOS, {@code %APPDATA%\signer\config.yaml} on Windows.
 *
 * @param file   the file
 * @param origin how it was chosen
 */
public record ConfigLocation(Path file, Origin origin) {
    /** The environment variable naming the file. */
    public static final String VARIABLE = "SIGNER_CONFIG";

    /** How the file was chosen. */
    public enum Origin {
        /** Given to the face (the command line's option). */
        GIVEN,
        /** Named by {@link #VARIABLE}. */
        VARIABLE,
        /** The user's configuration folder. */
        USER_FOLDER
    }

    /**
     * @param given       the file the face was given, or null
     * @param environment the process's environment
     * @param osName      the {@code os.name} system property
     * @param home        the {@code user.home} system property
     */
    public static ConfigLocation find(Path given, Map<String, String> environment, String osName, String home) {
        if (given != null) {
            return new ConfigLocation(given, Origin.GIVEN);
        }
        String named = environment.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            return new ConfigLocation(Path.of(named), Origin.VARIABLE);
        }
        return new ConfigLocation(userFolder(environment, osName.toLowerCase(Locale.ROOT), home).resolve("config.yaml"),
                Origin.USER_FOLDER);
    }

    /** {@link #find} for this process. */
    public static ConfigLocation find(Path given) {
        return find(given, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", ""));
    }

    private static Path userFolder(Map<String, String> environment, String os, String home) {
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("signer");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "signer");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        // The XDG base directory specification: a relative XDG_CONFIG_HOME is invalid and ignored.
        return (xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config")).resolve("signer");
    }
}
