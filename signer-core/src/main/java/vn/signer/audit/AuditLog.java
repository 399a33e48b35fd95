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
import java.util.concurrent.TimeUnit;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * An append-only audit log of JSON lines, each chained to the one before: every line carries
 * {@code prev} (the previous line's hash) and ends with {@code hash}, the SHA-256 of the previous hash
 * followed by the line's text up to its hash (see {@link AuditChain}). Deleting, reordering or editing
 * a line therefore breaks the chain at that line.
 *
 * <p>Lines cut off the end leave a valid chain, so the head file beside the log records how many
 * entries the log had and the last hash. It only ever records entries already flushed to disk (the
 * log is flushed, then the head written, at most once a second while lines are appended, and when the
 * log is closed): after a power cut the log may have lost its last lines, and a head that still
 * counted them would be a false alarm of tampering. Each head is one positional write of a
 * fixed-length record (a new file renamed into place took a third of a millisecond per entry here,
 * under the lock every request's entry waits for).
 *
 * <p>Opening an existing log checks its chain and head first, so that the server never extends a log
 * that was already tampered with. Safe for several threads.
 */
public final class AuditLog implements AutoCloseable {
    private static final long HEAD_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path file;
    private final FileChannel channel;
    private final FileChannel head;
    private final ObjectMapper mapper = AuditChain.mapper();
    private String lastHash;
    private long entries;
    private long headWritten;

    private AuditLog(Path file, FileChannel channel, FileChannel head, String lastHash, long entries) {
        this.file = file;
        this.channel = channel;
        this.head = head;
        this.lastHash = lastHash;
        this.entries = entries;
    }

    /**
     * Opens {@code file} for appending, creating it when absent.
     *
     * @throws SignerException BAD_INPUT when the existing chain is broken, when the log has entries but
     *                         no head file, or when its head records entries but the log is gone; IO
     *                         when it cannot be opened
     */
    public static AuditLog open(Path file) {
        String last = AuditChain.GENESIS;
        long entries = 0;
        if (Files.exists(file)) {
            AuditChain.Result check = AuditChain.verify(file);
            if (!check.intact()) {
                throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("audit.broken", file.toString(), check.brokenLine(),
                        check.problem()));
            }
            if (!check.anchored() && check.lines() > 0) {
                throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("audit.noHead", file.toString(), check.lines(),
                        AuditChain.headOf(file).getFileName().toString()));
            }
            last = check.lastHash();
            entries = check.lines();
        } else {
            long recorded = AuditChain.recordedEntries(file);
            if (recorded > 0) {
                throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("audit.logMissing", file.toString(), recorded));
            }
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
            // Also records lines written after the head when the last run stopped between the two.
            log.flushAndWriteHead();
            return log;
        } catch (IOException e) {
            closeAfter(e, channel, head);
            throw new SignerException(ErrorCode.IO, Problem.of("audit.cannotOpen", file.toString(), String.valueOf(e.getMessage())), e);
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
            if (System.nanoTime() - headWritten >= HEAD_INTERVAL_NANOS) {
                flushAndWriteHead();
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("audit.cannotWrite", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** Flushes the log to disk, then overwrites the head's one record in a single write. */
    private void flushAndWriteHead() throws IOException {
        channel.force(false);
        ByteBuffer record = ByteBuffer.wrap(AuditChain.head(entries, lastHash).getBytes(StandardCharsets.US_ASCII));
        while (record.hasRemaining()) {
            head.write(record, record.position());
        }
        headWritten = System.nanoTime();
    }

    @Override
    public synchronized void close() {
        try (FileChannel logChannel = channel; FileChannel headChannel = head) {
            flushAndWriteHead();
            headChannel.force(true);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("audit.cannotClose", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }
}
