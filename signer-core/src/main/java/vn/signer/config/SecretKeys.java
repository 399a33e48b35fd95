package vn.signer.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Refuses a configuration that holds a PIN or a password, wherever it is in the file: before any value
 * is read into a record, so that the refusal says where PINs come from rather than "unknown key", and
 * never quotes the value.
 */
final class SecretKeys {
    private SecretKeys() {
    }

    /** Whether a key's name says it holds a secret: pin, pinEnv, password, keyStorePassword, passphrase... */
    static boolean secret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.contains("pin") || name.contains("password") || name.contains("passphrase");
    }

    /**
     * @throws SignerException USAGE (officer.secret: the file, the line and the key) when a key holds a secret
     */
    static void refuse(Path file) {
        if (!Files.isRegularFile(file)) {
            return; // YamlConfig says so, in its words
        }
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && secret(parser.currentName())) {
                    throw new SignerException(ErrorCode.USAGE, Problem.of("officer.secret", file.toString(),
                            parser.currentTokenLocation().getLineNr(), parser.currentName()));
                }
            }
        } catch (JsonProcessingException e) {
            // Not YAML: YamlConfig reads the file next and says where and why.
            return;
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }
}
