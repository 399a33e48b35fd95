package vn.signer.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.config.OfficerProfile;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.timestamp.TsaSettings;

/** Timestamp authorities and how patiently to wait for them: shared by 'sign' and 'extend'. */
final class TsaOptions {
    @Option(names = "--tsa", paramLabel = "URL",
            description = "An RFC 3161 timestamp authority, e.g. http://tsa.ca.gov.vn/. Repeatable: tried in order.")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--tsa-connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Connect timeout per TSA request (default ${DEFAULT-VALUE} s).")
    int connectTimeout;

    @Option(names = "--tsa-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Read timeout per TSA request (default ${DEFAULT-VALUE} s; government TSAs can be slow).")
    int readTimeout;

    @Option(names = "--tsa-retries", paramLabel = "N", defaultValue = "1",
            description = "Further tries of a TSA after a failure, with back-off, before the next one (default ${DEFAULT-VALUE}).")
    int retries;

    /** The configured TSAs, or null when none was given. */
    TimestampAuthorities authorities() {
        return authorities(null);
    }

    /** The TSAs given here, else the profile's, or null when there are none. */
    TimestampAuthorities authorities(OfficerProfile profile) {
        List<URI> chosen = urls.isEmpty() && profile != null ? profile.tsa() : urls;
        if (chosen.isEmpty()) {
            return null;
        }
        try {
            return TimestampAuthorities.create(new TsaSettings(chosen, Duration.ofSeconds(connectTimeout),
                    Duration.ofSeconds(readTimeout), retries, TsaSettings.DEFAULT_BACKOFF));
        } catch (IllegalArgumentException e) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.tsa", e.getMessage()), e);
        }
    }
}
