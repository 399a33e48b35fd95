package vn.signer.verify;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.signer.net.NetworkPolicy;

/**
 * What a verification may rely on: the roots it trusts, extra intermediate certificates for
 * documents that embed only the signer's certificate, CRL files, and whether it may go online
 * (AIA, CRL distribution points, OCSP). Immutable; built with {@link #builder()}, offline unless the caller
 * says {@code offline(false)}: a document must not make the library fetch what nobody configured.
 *
 * @param trustAnchors      certificates trusted as roots; with none, no chain can be trusted
 * @param intermediates     certificates that may complete a chain, not trusted by themselves
 * @param crlFiles          CRL files (DER or PEM) consulted before any online source
 * @param offline           never fetch anything from the network
 * @param network           what may be fetched when online (by default http and https to public
 *                          addresses, {@value NetworkPolicy#DEFAULT_MAX_REQUESTS} requests per verification)
 * @param detachedContents  the signed files of detached XML signatures
 * @param validationTime    the time the signatures are judged at, or null for the moment of each verification
 *                          (a fixed time makes a judgement repeatable: a test, or an answer about the past)
 */
public record VerificationSettings(List<X509Certificate> trustAnchors, List<X509Certificate> intermediates,
                                   List<Path> crlFiles, boolean offline, NetworkPolicy network,
                                   List<Path> detachedContents, Instant validationTime) {

    public VerificationSettings {
        Objects.requireNonNull(network, "network");
        trustAnchors = List.copyOf(trustAnchors);
        intermediates = List.copyOf(intermediates);
        crlFiles = List.copyOf(crlFiles);
        detachedContents = List.copyOf(detachedContents);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VerificationSettings}; everything is optional, and it stays offline unless told otherwise. */
    public static final class Builder {
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<Path> crlFiles = new ArrayList<>();
        private final List<Path> detachedContents = new ArrayList<>();
        private boolean offline = true;
        private NetworkPolicy network = NetworkPolicy.PUBLIC_ONLY;
        private Instant validationTime;

        private Builder() {
        }

        public Builder trust(List<X509Certificate> anchors) {
            trustAnchors.addAll(anchors);
            return this;
        }

        public Builder intermediates(List<X509Certificate> certs) {
            intermediates.addAll(certs);
            return this;
        }

        public Builder crlFiles(List<Path> files) {
            crlFiles.addAll(files);
            return this;
        }

        public Builder detachedContents(List<Path> files) {
            detachedContents.addAll(files);
            return this;
        }

        /** {@code false} lets the verification fetch what {@link #network(NetworkPolicy)} allows; {@code true} by default. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** What may be fetched once {@code offline(false)} is set; {@link NetworkPolicy#PUBLIC_ONLY} unless set. */
        public Builder network(NetworkPolicy policy) {
            this.network = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Judges signatures at {@code time} instead of at the moment of each verification. */
        public Builder validationTime(Instant time) {
            this.validationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        public VerificationSettings build() {
            return new VerificationSettings(trustAnchors, intermediates, crlFiles, offline, network, detachedContents,
                    validationTime);
        }
    }
}
