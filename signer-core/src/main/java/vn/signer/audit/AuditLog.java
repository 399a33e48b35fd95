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
 * a line therefore breaks the chain at that line; after every line, the head file beside the log is
 * overwritten with the number of entries and the last hash, so that lines cut off the end are found
 * too. (One positional write of a fixed-length record, not a new file renamed into place: that took a
 * third of a millisecond per request here, under the lock every request's entry waits for.)
 * Opening an existing log checks its chain and head first, so that the server never extends a log
 * that was already tampered with. Safe for several threads.
 */
public final class AuditLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileChannel head;
    private final ObjectMapper mapper = AuditChain.mapper();
    private String lastHash;
    private int entries;

    private AuditLog(Path file, FileChannel channel, FileChannel head, String lastHash, int entries) {
        this.file = file;
        this.channel = channel;
        this.head = head;
        this.lastHash = lastHash;
        this.entries = entries;
    }

    /**
     * Opens {@code file} for appending, creating it when absent.
     *
     * @throws SignerException BAD_INPUT when the existing chain is broken or its head file is missing,
     *                         IO when it cannot be opened
     */
    public static AuditLog open(Path file) {
        String last = AuditChain.GENESIS;
        int entries = 0;
        if (Files.exists(file)) {
            AuditChain.Result check = AuditChain.verify(file);
            if (!check.intact()) {
                throw new SignerException(ErrorCode.BAD_INPUT, file + ": the audit chain is broken at line "
                        + check.brokenLine() + " (" + check.problem() + ")",
                        "keep the damaged log for investigation and start a new one");
            }
            if (!check.anchored() && check.lines() > 0) {
                throw new SignerException(ErrorCode.BAD_INPUT, file + ": the audit log has " + check.lines()
                        + " entries but no head file (" + AuditChain.headOf(file).getFileName()
                        + "), so entries cut off its end could not be detected",
                        "keep the log for investigation and start a new one");
            }
            last = check.lastHash();
            entries = check.lines();
        }
        FileChannel channel = null;
        FileChannel head = null;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            head = FileChannel.open(AuditChain.headOf(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            AuditLog log = new AuditLog(file, channel, head, last, entries);
            // Also records entries written after the head when the last run stopped between the two.
            log.writeHead();
            head.truncate(AuditChain.HEAD_LENGTH);
            return log;
        } catch (IOException e) {
            closeAfter(e, channel, head);
            throw new SignerException(ErrorCode.IO, file + ": cannot open the audit log: " + e.getMessage(), null, e);
        }
    }

    private static void closeAfter(IOException failure, FileChannel... channels) {
        for (FileChannel channel : channels) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    failure.addSuppressed(e);
                }
            }
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
            lastHash = hash;
            entries++;
            writeHead();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot write the audit log: " + e.getMessage(), null, e);
        }
    }

    /** Overwrites the head's one record (fixed length, within one disk sector) in a single write. */
    private void writeHead() throws IOException {
        ByteBuffer record = ByteBuffer.wrap(AuditChain.head(entries, lastHash).getBytes(StandardCharsets.US_ASCII));
        while (record.hasRemaining()) {
            head.write(record, record.position());
        }
    }

    @Override
    public synchronized void close() {
        try (FileChannel log = channel; FileChannel last = head) {
            log.force(true);
            last.force(true);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot close the audit log: " + e.getMessage(), null, e);
        }
    }
}
