package vn.signer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * An append-only audit log of JSON lines, each chained to the one before: every line carries
 * {@code prev} (the previous line's hash) and ends with {@code hash}, the SHA-256 of the previous hash
 * followed by the line's text up to its hash (see {@link AuditChain}). Deleting, reordering or editing
 * a line therefore breaks the chain at that line. Opening an existing log checks its chain first, so
 * that the server never extends a log that was already tampered with. Safe for several threads.
 */
public final class AuditLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ObjectMapper mapper = AuditChain.mapper();
    private String lastHash;

    private AuditLog(Path file, FileChannel channel, String lastHash) {
        this.file = file;
        this.channel = channel;
        this.lastHash = lastHash;
    }

    /**
     * Opens {@code file} for appending, creating it when absent.
     *
     * @throws SignerException BAD_INPUT when the existing chain is broken, IO when it cannot be opened
     */
    public static AuditLog open(Path file) {
        String last = AuditChain.GENESIS;
        if (Files.exists(file)) {
            AuditChain.Result check = AuditChain.verify(file);
            if (!check.intact()) {
                throw new SignerException(ErrorCode.BAD_INPUT, file + ": the audit chain is broken at line "
                        + check.brokenLine() + " (" + check.problem() + ")",
                        "keep the damaged log for investigation and start a new one");
            }
            last = check.lastHash();
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new AuditLog(file, channel, last);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot open the audit log: " + e.getMessage(), null, e);
        }
    }

    /** Appends {@code entry}, chained to the last line, and hands it to the operating system at once. */
    public synchronized void append(AuditEntry entry) {
        ObjectNode node = mapper.valueToTree(entry);
        node.put("prev", lastHash);
        String body;
        try {
            body = mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit entry", e);
        }
        String hash = AuditChain.hash(lastHash, body);
        String line = AuditChain.withHash(body, hash) + "\n";
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot write the audit log: " + e.getMessage(), null, e);
        }
        lastHash = hash;
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot close the audit log: " + e.getMessage(), null, e);
        }
    }
}
