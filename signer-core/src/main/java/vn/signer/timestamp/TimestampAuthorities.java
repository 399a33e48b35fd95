package vn.signer.timestamp;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.service.SecureRandomNonceSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.net.AnswerKind;
import vn.signer.net.GatedDataLoader;

/**
 * The timestamp authorities of {@link TsaSettings} behind DSS's {@link TSPSource}: SHA-256 (or the
 * signature's digest), a nonce on every request, retries with back-off, failover in order. When all
 * fail, the error says what each TSA answered (HTTP status, TSA status or the network error).
 * Requests go through signer's network gate: http and https only, answers of at most 64 KB.
 * Remembers, per thread, which TSAs answered, so that a signing can report where its time came from.
 */
public final class TimestampAuthorities implements TSPSource {
    private static final long serialVersionUID = 1L;
    private static final String TIMESTAMP_QUERY = "application/timestamp-query";

    private final TsaSettings settings;
    private final List<OnlineTSPSource> sources = new ArrayList<>();
    private final transient ThreadLocal<Set<URI>> used = ThreadLocal.withInitial(LinkedHashSet::new);

    private TimestampAuthorities(TsaSettings settings) {
        this.settings = settings;
        for (URI url : settings.urls()) {
            GatedDataLoader loader = GatedDataLoader.forConfigured(AnswerKind.TIMESTAMP,
                    settings.connectTimeout(), settings.readTimeout());
            loader.setContentType(TIMESTAMP_QUERY);
            OnlineTSPSource source = new OnlineTSPSource(url.toString(), loader);
            source.setNonceSource(new SecureRandomNonceSource());
            sources.add(source);
        }
    }

    public static TimestampAuthorities create(TsaSettings settings) {
        return new TimestampAuthorities(settings);
    }

    public TsaSettings settings() {
        return settings;
    }

    /** Forgets which TSAs this thread used; call before an operation whose TSAs you want to know. */
    public void startRecording() {
        used.get().clear();
    }

    /** The TSAs that answered this thread since {@link #startRecording()}. */
    public List<URI> usedSinceStart() {
        return List.copyOf(used.get());
    }

    /** What one TSA did when asked once for a timestamp by {@link #probe()}. */
    public record Probe(URI url, boolean answered, long millis, String error) {
    }

    /** Asks each TSA once for a timestamp on a random digest: which ones answer, and how fast. */
    public List<Probe> probe() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long start = System.nanoTime();
            try {
                sources.get(i).getTimeStampResponse(DigestAlgorithm.SHA256, digest);
                probes.add(new Probe(settings.urls().get(i), true, (System.nanoTime() - start) / 1_000_000, null));
            } catch (RuntimeException e) {
                probes.add(new Probe(settings.urls().get(i), false, (System.nanoTime() - start) / 1_000_000, describe(e)));
            }
        }
        return probes;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) throws DSSException {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            URI url = settings.urls().get(i);
            Duration wait = settings.backoff();
            for (int attempt = 0; attempt <= settings.retries(); attempt++) {
                if (attempt > 0) {
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                }
                try {
                    TimestampBinary answer = sources.get(i).getTimeStampResponse(digestAlgorithm, digest);
                    used.get().add(url);
                    return answer;
                } catch (RuntimeException e) {
                    failures.add(url + " (try " + (attempt + 1) + "): " + describe(e));
                }
            }
        }
        throw new SignerException(ErrorCode.TIMESTAMP_FAILED, Problem.of("tsa.allFailed", String.join("; ", failures)));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null || message.contains(root.getMessage())
                ? message : message + " (" + root.getMessage() + ")";
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(ErrorCode.TIMESTAMP_FAILED, Problem.of("tsa.interrupted"), e);
        }
    }
}
