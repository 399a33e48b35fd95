package vn.signer.server.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The page's results, kept in memory for a while under an unguessable id so that a person can
 * download the report as PDF or JSON, or read it in the other language, without sending the document
 * again. Only the facts are kept, never the document; at most {@code max} of them for {@code ttl}
 * after they were made, the oldest going first (a few kilobytes each). A report served from here was
 * made by this server: it is not rebuilt from anything the browser sends back, which could be forged.
 */
public final class KeptResults {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cache<String, Checked> results;

    public KeptResults(Duration ttl, int max) {
        this.results = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(max).build();
    }

    /** Keeps {@code checked} and returns its id: 128 random bits, URL-safe. */
    public String keep(Checked checked) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        results.put(id, checked);
        return id;
    }

    /** The result kept as {@code id}, or null when there is none (never was, expired or pushed out). */
    public Checked get(String id) {
        return id == null ? null : results.getIfPresent(id);
    }
}
