package vn.signer.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Writes a file so that readers only ever see nothing or the complete file: the content goes to a
 * temporary file beside the target (same file system), is flushed to disk, and is then renamed into
 * place. A failure or a crash leaves the target untouched; a crash may leave a temporary file named
 * {@code .NAME.signer-*.tmp}, which {@link #isTemporary(Path)} recognises.
 */
public final class AtomicOutput {
    private static final String TEMP_MARK = ".signer-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Produces the content of the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /** Whether {@code file} is a temporary file left behind by an interrupted write. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARK) && name.endsWith(TEMP_SUFFIX);
    }

    /** How the temporary files of writes to {@code target} begin. */
    public static String temporaryPrefix(Path target) {
        return "." + target.getFileName() + TEMP_MARK;
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param overwrite replace an existing target; without it an existing target is an error
     * @throws SignerException OUTPUT_EXISTS, IO; or whatever {@code content} throws
     */
    public static void write(Path target, boolean overwrite, Content content) {
        if (!overwrite && Files.exists(target.toAbsolutePath())) {
            throw exists(target);
        }
        try (Staged staged = stage(target)) {
            staged.commit(overwrite, channel -> {
                // Not closed here: closing it would close the channel, which commit still flushes.
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
            });
        }
    }

    /**
     * A new, empty temporary file beside {@code target}, for content that someone else writes (DSS
     * preparing a large PDF): once complete, {@link Staged#commit} makes it the target, so the content
     * is written once. Closing an uncommitted one deletes it.
     *
     * @throws SignerException IO when the folder cannot be created or written
     */
    public static Staged stage(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
            return new Staged(createTemporary(folder, absolute), absolute, target);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("output.cannotCreate", target.toString(), folder.toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** A change made to a staged file just before it is committed. */
    @FunctionalInterface
    public interface LastTouch {
        void apply(FileChannel file) throws IOException;
    }

    /** A temporary file that becomes its target on {@link #commit}, or disappears on {@link #close}. */
    public static final class Staged implements AutoCloseable {
        private final Path temp;
        private final Path absolute;
        private final Path target;
        private boolean committed;

        private Staged(Path temp, Path absolute, Path target) {
            this.temp = temp;
            this.absolute = absolute;
            this.target = target;
        }

        /** The temporary file, beside the target. */
        public Path path() {
            return temp;
        }

        /** The file this one becomes. */
        public Path target() {
            return absolute;
        }

        /**
         * Lets {@code lastTouch} change the temporary file in place (it gets the file open for reading
         * and writing), then flushes it to disk and renames it into place.
         *
         * @param overwrite replace an existing target; without it an existing target is an error
         * @throws SignerException OUTPUT_EXISTS, IO
         */
        public void commit(boolean overwrite, LastTouch lastTouch) {
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    lastTouch.apply(channel);
                    channel.force(true);
                }
                moveIntoPlace(temp, absolute, overwrite, target);
                committed = true;
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
        }

        @Override
        public void close() {
            if (!committed) {
                deleteQuietly(temp);
            }
        }
    }

    private static SignerException cannotWrite(Path target, IOException e) {
        return new SignerException(ErrorCode.IO, Problem.of("output.cannotWrite", target.toString(), String.valueOf(e.getMessage())), e);
    }

    /**
     * A new, empty temporary file beside the target. Not Files.createTempFile: its files are private to
     * the owner (0600), and a signed document must get the permissions the user's umask gives, like
     * any other file they write.
     */
    private static Path createTemporary(Path folder, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(temporaryPrefix(target) + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path absolute, boolean overwrite, Path target) throws IOException {
        if (overwrite) {
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        // A hard link fails atomically if the target appeared meanwhile, unlike a rename.
        try {
            Files.createLink(absolute, temp);
            Files.delete(temp);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(absolute)) {
                throw exists(target);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static SignerException exists(Path target) {
        return new SignerException(ErrorCode.OUTPUT_EXISTS, Problem.of("output.exists", target.toString()));
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            System.getLogger(AtomicOutput.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot remove the temporary file " + temp, e);
        }
    }
}
