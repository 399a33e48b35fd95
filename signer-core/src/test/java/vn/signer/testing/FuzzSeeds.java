package vn.signer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed corpus of a Jazzer fuzz test, where Jazzer itself looks for it: the test resources'
 * {@code <TestClass>Inputs/<method>/}. Harnesses read it to derive their oracle from the seeds
 * (which seeds verify VALID), so that the corpus and the oracle cannot drift apart.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    /** The seed files of {@code test}'s fuzz test {@code method}, sorted by name; never empty. */
    public static List<Path> of(Class<?> test, String method) {
        String folder = test.getSimpleName() + "Inputs/" + method;
        URL url = test.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no seed corpus " + folder + " beside " + test.getName());
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> seeds = files.filter(Files::isRegularFile).sorted().toList();
            if (seeds.isEmpty()) {
                throw new IllegalStateException("the seed corpus " + folder + " is empty");
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] read(Path seed) {
        try {
            return Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
