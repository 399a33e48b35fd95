package vn.signer.certs;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Completes a certificate chain from a pool of known CA certificates. Tokens usually store only the
 * signer's certificate; a signature that embeds the intermediates verifies on machines that know only
 * the root, as Vietnamese verifiers typically do.
 */
public final class Chains {
    private Chains() {
    }

    /**
     * {@code chain} extended, issuer by issuer, with certificates from {@code pool} until a self-signed
     * certificate or no known issuer. An issuer counts only when its key verifies the certificate.
     */
    public static List<X509Certificate> complete(List<X509Certificate> chain, Collection<X509Certificate> pool) {
        List<X509Certificate> completed = new ArrayList<>(chain);
        X509Certificate last = completed.get(completed.size() - 1);
        while (!isSelfSigned(last) && completed.size() < 10) {
            X509Certificate issuer = issuerOf(last, pool);
            if (issuer == null || completed.contains(issuer)) {
                break;
            }
            completed.add(issuer);
            last = issuer;
        }
        return completed;
    }

    private static X509Certificate issuerOf(X509Certificate cert, Collection<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
