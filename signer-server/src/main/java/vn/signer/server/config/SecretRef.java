package vn.signer.server.config;

import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.PinFile;
import vn.signer.server.words.Answers;

/**
 * Where a PIN or password is kept: an environment variable or a file, never the configuration itself.
 * Exactly one of the two is given.
 *
 * @param env  the environment variable holding it
 * @param file the file holding it (its first line)
 */
public record SecretRef(String env, String file) {

    public SecretRef {
        ServerConfig.require((env == null) != (file == null), "config.secret.oneOf");
    }

    /**
     * Reads the secret; the caller wipes the array.
     *
     * @throws SignerException PIN_UNAVAILABLE or INPUT_MISSING naming the variable or file, never the value
     */
    public char[] read(ServerConfig config) {
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.in(Answers.BUNDLE, "config.secret.envUnset", env));
            }
            return value.toCharArray();
        }
        return PinFile.read(config.path(file));
    }

    @Override
    public String toString() {
        return env != null ? "env " + env : "file " + file;
    }
}
