package vn.signer.dss;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.Revocation;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.service.SecureRandomNonceSource;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.net.AnswerKind;
import vn.signer.net.GatedDataLoader;
import vn.signer.net.NetworkPolicy;
import vn.signer.net.RequestBudget;
import vn.signer.verify.VerificationSettings;

/**
 * Wires CRL files and, unless offline, AIA, CRL and OCSP fetching into a DSS certificate verifier.
 * Every fetch goes through a {@link GatedDataLoader} under the settings' {@link NetworkPolicy}, and
 * all three count in one {@link RequestBudget}. Offline, every network source is removed, including
 * the AIA source DSS's verifier starts with.
 */
final class RevocationSources {
    private static final String OCSP_REQUEST = "application/ocsp-request";

    private RevocationSources() {
    }

    static void configure(CommonCertificateVerifier verifier, VerificationSettings settings, RequestBudget budget) {
        List<Path> crlFiles = settings.crlFiles();
        RevocationSource<CRL> files = crlFiles.isEmpty() ? null : fromFiles(crlFiles);
        if (settings.offline()) {
            verifier.setCrlSource(files);
            verifier.setOcspSource(null);
            verifier.setAIASource(null);
            return;
        }
        NetworkPolicy network = settings.network();
        RevocationSource<CRL> onlineCrl = new Cached<>(new OnlineCRLSource(
                GatedDataLoader.forDocuments(network, AnswerKind.CRL, budget)));
        verifier.setCrlSource(files == null ? onlineCrl : new FirstAnswer<>(files, onlineCrl));
        GatedDataLoader ocspLoader = GatedDataLoader.forDocuments(network, AnswerKind.OCSP, budget);
        ocspLoader.setContentType(OCSP_REQUEST);
        OnlineOCSPSource ocsp = new OnlineOCSPSource(ocspLoader);
        ocsp.setNonceSource(new SecureRandomNonceSource());
        // OCSP answers are not kept: an LT signature wants a status produced after its timestamp.
        verifier.setOcspSource(ocsp);
        verifier.setAIASource(new DefaultAIASource(GatedDataLoader.forDocuments(network, AnswerKind.CERTIFICATE, budget)));
    }

    private static RevocationSource<CRL> fromFiles(List<Path> crlFiles) {
        DSSDocument[] documents = new DSSDocument[crlFiles.size()];
        for (int i = 0; i < documents.length; i++) {
            Path file = crlFiles.get(i);
            if (!Files.isRegularFile(file)) {
                throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("dss.noCrlFile", file));
            }
            documents[i] = new FileDocument(file.toFile());
        }
        try {
            return new ExternalResourcesCRLSource(documents);
        } catch (RuntimeException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("dss.crlUnreadable", crlFiles, e.getMessage()), e);
        }
    }

    /**
     * Keeps each fetched CRL until its nextUpdate, so that a batch or a server does not download the
     * same CRL for every document. CRLs without nextUpdate are not kept, and the CRLs kept weigh at most
     * {@value #MAX_CACHED_BYTES} bytes together: certificates from many CAs cannot grow the cache without
     * bound (the least used go first).
     */
    private static final class Cached<R extends Revocation> implements RevocationSource<R> {
        private static final long serialVersionUID = 1L;
        private static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;
        private final RevocationSource<R> source;
        private final transient Cache<String, RevocationToken<R>> cache = Caffeine.newBuilder()
                .maximumWeight(MAX_CACHED_BYTES)
                .weigher((String key, RevocationToken<R> token) -> token.getEncoded().length)
                .expireAfter(Expiry.creating((String key, RevocationToken<R> token) -> untilNextUpdate(token)))
                .build();

        Cached(RevocationSource<R> source) {
            this.source = source;
        }

        @Override
        public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            String key = certificate.getDSSIdAsString() + "/" + (issuer == null ? "" : issuer.getDSSIdAsString());
            RevocationToken<R> cached = cache.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
            RevocationToken<R> fresh = source.getRevocationToken(certificate, issuer);
            if (fresh != null && !untilNextUpdate(fresh).isZero()) {
                cache.put(key, fresh);
            }
            return fresh;
        }

        private static Duration untilNextUpdate(RevocationToken<?> token) {
            Date next = token.getNextUpdate();
            Duration left = next == null ? Duration.ZERO : Duration.between(Instant.now(), next.toInstant());
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /** Asks each source in turn and keeps the first answer: local files before the network. */
    private record FirstAnswer<R extends Revocation>(RevocationSource<R> first, RevocationSource<R> second)
            implements RevocationSource<R> {
        private static final long serialVersionUID = 1L;

        @Override
        public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            RevocationToken<R> token = first.getRevocationToken(certificate, issuer);
            // An outdated CRL file must not hide a current answer from the network.
            if (token != null && (token.getNextUpdate() == null || token.getNextUpdate().after(new Date()))) {
                return token;
            }
            RevocationToken<R> fresher = second.getRevocationToken(certificate, issuer);
            return fresher != null ? fresher : token;
        }
    }
}
