package vn.signer.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Checks the hash chain of an {@link AuditLog}. Line {@code n} is {@code BODY} with
 * {@code ,"hash":"H"} inserted before its closing brace, where BODY is a JSON object whose
 * {@code prev} is the hash of line {@code n-1} (64 zeros for the first line) and
 * {@code H = SHA-256(prev-hash-as-hex || BODY)} in lower-case hex, both as UTF-8.
 *
 * <p>A chain alone cannot show that lines were cut off its end: what remains is still a valid chain.
 * So the log's head file ({@link #headOf}, {@code {"entries":N,"hash":"H"}} padded to
 * 128 bytes) records how many entries the log had and the hash of the last, and a
 * log shorter than its head, or whose line N is not the head's, is broken too. Lines after line N are
 * expected: the head is brought up to date about once a second. This catches a log cut short by
 * someone who did not also rewrite its head; whoever can write both files can forge both.
 */
public final class AuditChain {
    /** The {@code prev} of the first line. */
    public static final String GENESIS = "0".repeat(64);
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final String HEAD_SUFFIX = ".head";
    /** The length of every head file: room for the largest count of entries. */
    static final int HEAD_LENGTH = 128;

    private AuditChain() {
    }

    /**
     * What the check found.
     *
     * @param intact     whether every line is chained correctly and the log ends no earlier than its head
     * @param lines      how many lines were checked (all of them when intact)
     * @param brokenLine the first line (1-based) that does not fit the chain or is missing, or 0 when intact
     * @param problem    what is wrong with that line (a key of core's Problems bundle and its facts), or null
     * @param lastHash   the hash of the last intact line
     * @param head       the entries the head file records, or -1 when the log has no head file (then
     *                   lines cut off its end cannot be detected)
     */
    public record Result(boolean intact, long lines, long brokenLine, Problem problem, String lastHash, long head) {
        /** Whether the head file vouches for the log's end. */
        public boolean anchored() {
            return head >= 0;
        }
    }

    /** The head file that {@link AuditLog} keeps beside {@code log}. */
    public static Path headOf(Path log) {
        return log.resolveSibling(log.getFileName() + HEAD_SUFFIX);
    }

    /**
     * Checks every line of {@code file}.
     *
     * @throws SignerException INPUT_MISSING, IO
     */
    public static Result verify(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("audit.missing", file.toString()));
        }
        ObjectMapper mapper = mapper();
        Head head = readHead(mapper, file);
        String previous = GENESIS;
        String atHead = head.entries() == 0 ? GENESIS : null;
        long number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                Problem problem = problem(mapper, previous, line);
                if (problem != null) {
                    return new Result(false, number - 1, number, problem, previous, head.entries());
                }
                previous = line.substring(line.lastIndexOf(HASH_FIELD) + HASH_FIELD.length(), line.length() - 2);
                if (number == head.entries()) {
                    atHead = previous;
                }
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        if (number < head.entries()) {
            return new Result(false, number, number + 1, Problem.of("audit.line.cutOff", number, head.entries()), previous,
                    head.entries());
        }
        if (head.entries() >= 0 && !head.hash().equals(atHead)) {
            return new Result(false, number, head.entries(), Problem.of("audit.line.notAtHead"), previous, head.entries());
        }
        return new Result(true, number, 0, null, previous, head.entries());
    }

    /**
     * How many entries the head file beside {@code log} records, or -1 when there is none.
     *
     * @throws SignerException BAD_INPUT when the head file is not one
     */
    public static long recordedEntries(Path log) {
        return readHead(mapper(), log).entries();
    }

    /** What a head file records; -1 entries when there is none. */
    private record Head(long entries, String hash) {
    }

    private static Head readHead(ObjectMapper mapper, Path log) {
        Path file = headOf(log);
        if (!Files.exists(file)) {
            return new Head(-1, null);
        }
        String text;
        JsonNode node;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
            node = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("audit.headUnreadable", file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        JsonNode entries = node == null ? null : node.get("entries");
        if (text.length() != HEAD_LENGTH || entries == null || !entries.isIntegralNumber() || !entries.canConvertToLong()
                || entries.asLong() < 0 || !node.path("hash").asText().matches("[0-9a-f]{64}")) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("audit.headMalformed", file.toString(), HEAD_LENGTH));
        }
        return new Head(entries.asLong(), node.path("hash").asText());
    }

    /**
     * The text of a head file for a log of {@code entries} lines whose last hash is {@code hash}, padded
     * with spaces to {@link #HEAD_LENGTH} bytes so that each new head overwrites the whole previous one.
     */
    static String head(long entries, String hash) {
        String record = "{\"entries\":" + entries + ",\"hash\":\"" + hash + "\"}";
        return record + " ".repeat(HEAD_LENGTH - 1 - record.length()) + "\n";
    }

    private static Problem problem(ObjectMapper mapper, String previous, String line) {
        int at = line.lastIndexOf(HASH_FIELD);
        if (at < 0 || !line.endsWith("\"}") || line.length() - 2 - (at + HASH_FIELD.length()) != 64) {
            return Problem.of("audit.line.noHash");
        }
        String body = line.substring(0, at) + "}";
        String claimed = line.substring(at + HASH_FIELD.length(), line.length() - 2);
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            return Problem.of("audit.line.notJson");
        }
        if (node == null || !node.isObject() || !previous.equals(node.path("prev").asText())) {
            return Problem.of("audit.line.notFollowing");
        }
        if (!MessageDigest.isEqual(claimed.getBytes(StandardCharsets.US_ASCII),
                hash(previous, body).getBytes(StandardCharsets.US_ASCII))) {
            return Problem.of("audit.line.edited");
        }
        return null;
    }

    static String hash(String previous, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static String withHash(String body, String hash) {
        return body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}";
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
