package vn.signer.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * Where a PIN or password is kept: an environment variable or a file, never the configuration itself.
 * Exactly one of the two is given.
 *
 * @param env  the environment variable holding it
 * @param file the file holding it (one line; a final line break is ignored)
 */
public record SecretRef(String env, String file) {

    public SecretRef {
        ServerConfig.require((env == null) != (file == null), "a PIN or password is given as env: NAME or file: PATH (one of them)");
    }

    /**
     * Reads the secret; the caller wipes the array.
     *
     * @throws SignerException PIN_UNAVAILABLE naming the variable or file, never the value
     */
    public char[] read(ServerConfig config) {
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, "the environment variable " + env + " is not set",
                        "set it before starting the server");
            }
            return value.toCharArray();
        }
        Path path = config.path(file);
        try {
            String value = Files.readString(path, StandardCharsets.UTF_8);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            return value.toCharArray();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE, path + ": cannot read the PIN file (" + e.getClass().getSimpleName() + ")",
                    "check the path and its permissions", e);
        }
    }

    @Override
    public String toString() {
        return env != null ? "env " + env : "file " + file;
    }
}
