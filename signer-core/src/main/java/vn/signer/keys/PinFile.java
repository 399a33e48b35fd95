package vn.signer.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Reads a PIN or password kept in a file: its first line, without the line break. An empty file is
 * refused rather than sent to a token as an empty PIN, which would cost one of its few tries.
 * Messages name the file, never its content.
 */
public final class PinFile {
    private PinFile() {
    }

    /**
     * @throws SignerException INPUT_MISSING (no such file), PIN_UNAVAILABLE (empty), IO
     */
    public static char[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("pinFile.missing", file.toString()));
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.of("pinFile.empty", file.toString()));
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("pinFile.unreadable", file.toString(), e.getClass().getSimpleName()), e);
        }
    }
}
