package vn.signer.keys;

import java.util.Map;
import java.util.Objects;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.remote.CscAuth;
import vn.signer.remote.CscKeySource;
import vn.signer.remote.Waiting;

/**
 * Where a signing key is, which one it is, and where its PIN comes from: the one description the
 * command line (from its options) and the server (from its configuration) both build and open, so that
 * a new kind of key store is added here once.
 *
 * @param store where the keys are
 * @param key   which key of the store signs
 * @param pin   where the PIN or password comes from
 */
public record KeySourceSpec(Store store, KeySelector key, PinSource pin) {

    public KeySourceSpec {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pin, "pin");
    }

    /** Where the keys are. */
    public sealed interface Store permits Pkcs12, Pkcs11, Csc {
    }

    /** @param file a PKCS#12 (.p12/.pfx) file */
    public record Pkcs12(java.nio.file.Path file) implements Store {
        public Pkcs12 {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * @param module             the token driver's PKCS#11 library
     * @param token              which token of the module
     * @param parallelSignatures signatures given to the device at once: 1 for a USB token, more for an HSM
     */
    public record Pkcs11(java.nio.file.Path module, TokenSelector token, int parallelSignatures) implements Store {
        public Pkcs11 {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(token, "token");
            if (parallelSignatures < 1) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("keys.parallel", parallelSignatures));
            }
        }
    }

    /**
     * The credentials of a Cloud Signature Consortium service (v2, or v1 at an address ending in /v1);
     * the {@link PinSource} is then the client's secret, from a variable or a file only.
     *
     * @param service           the service's base address, e.g. {@code https://ca.example/csc/v2}
     * @param auth              how the client authenticates
     * @param clientId          the client id, for {@link CscAuth#LOGIN} and {@link CscAuth#OAUTH2}
     * @param allowLoopbackHttp allow plain http to this computer, for tests and demos
     */
    public record Csc(java.net.URI service, CscAuth auth, String clientId, boolean allowLoopbackHttp) implements Store {
        public Csc {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(auth, "auth");
            if (auth != CscAuth.EXTERNAL && (clientId == null || clientId.isBlank())) {
                throw new SignerException(ErrorCode.USAGE, Problem.of("remote.clientId.missing", auth.name()));
            }
        }
    }

    /** Where the PIN or password comes from. */
    public sealed interface PinSource permits Prompt, Environment, File {
    }

    /** Asked of a person, through the callback given to {@link #open}. */
    public record Prompt() implements PinSource {
    }

    /** @param name the environment variable holding it */
    public record Environment(String name) implements PinSource {
        public Environment {
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param path the file whose first line holds it */
    public record File(java.nio.file.Path path) implements PinSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@link #open(PinCallback, Map)} with the process's environment. */
    public KeySource open(PinCallback prompt) {
        return open(prompt, System.getenv());
    }

    /**
     * Opens the key store or logs in to the token, asking for the PIN once. A PIN no person types (from
     * a variable or a file) is never the one to spend a token's final try.
     *
     * @param prompt      asks a person, for {@link Prompt}
     * @param environment where {@link Environment} variables are looked up
     * @throws SignerException as {@link Pkcs12KeySource#open} and {@link Pkcs11KeySource#open} say, and
     *                         PIN_UNAVAILABLE when the variable or file holds nothing
     */
    public KeySource open(PinCallback prompt, Map<String, String> environment) {
        return open(prompt, environment, Waiting.NONE);
    }

    /**
     * {@link #open(PinCallback, Map)}, telling {@code waiting} while a remote key waits for its holder's
     * confirmation.
     */
    public KeySource open(PinCallback prompt, Map<String, String> environment, Waiting waiting) {
        if (store instanceof Csc csc) {
            char[] secret;
            if (pin instanceof Environment env) {
                secret = fromEnvironment(env.name(), environment);
            } else if (pin instanceof File file) {
                secret = PinFile.read(file.path());
            } else {
                // A secret typed at the terminal would be the client's, not a person's: it belongs in a variable or a file.
                throw new SignerException(ErrorCode.USAGE, Problem.of("remote.secret.missing", csc.service().getHost()));
            }
            PinCallback holder = prompt != null ? prompt : request -> {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.of("remote.noPrompt", request.target()));
            };
            return CscKeySource.open(csc.service(), csc.allowLoopbackHttp(), csc.auth(), csc.clientId(), secret, holder, waiting);
        }
        PinCallback callback;
        if (pin instanceof Environment env) {
            callback = PinCallback.unattended(() -> fromEnvironment(env.name(), environment));
        } else if (pin instanceof File file) {
            callback = PinCallback.unattended(() -> PinFile.read(file.path()));
        } else {
            callback = Objects.requireNonNull(prompt, "prompt");
        }
        if (store instanceof Pkcs11 p11) {
            return Pkcs11KeySource.open(p11.module(), p11.token(), callback, p11.parallelSignatures());
        }
        return Pkcs12KeySource.open(((Pkcs12) store).file(), callback);
    }

    private static char[] fromEnvironment(String name, Map<String, String> environment) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.of("pinEnv.unset", name));
        }
        return value.toCharArray();
    }
}
