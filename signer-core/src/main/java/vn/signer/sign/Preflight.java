package vn.signer.sign;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.validation.CertificateValidator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.keys.SigningKey;
import vn.signer.sign.PreflightReport.Finding;
import vn.signer.sign.PreflightReport.Severity;
import vn.signer.timestamp.TimestampAuthorities;
import vn.signer.verify.VerificationSettings;

/**
 * Checks, without signing anything, whether a level can be reached: the certificate may sign now; for
 * T and above a TSA answers; for LT and LTA the chain reaches a trust anchor and every certificate in
 * it has revocation data. Each problem names the certificate, the TSA or the missing link.
 */
public final class Preflight {
    private Preflight() {
    }

    public static PreflightReport check(SigningKey key, Level level, SigningServices services) {
        List<Finding> findings = new ArrayList<>();
        try {
            CertificateCheck.requireUsable(key.info().certificate(), services.clock().instant());
            findings.add(new Finding(Severity.OK, Problem.of("sign.certificate.maySign", key.info().certificate().displayName(),
                    key.info().certificate().notAfter())));
        } catch (SignerException e) {
            findings.add(new Finding(Severity.PROBLEM, e.problem()));
        }
        if (level.needsTimestamp()) {
            checkTimestamps(level, services, findings);
        }
        if (level.needsValidationData()) {
            checkChain(key, services.trust(), findings);
        }
        return new PreflightReport(level, findings);
    }

    private static void checkTimestamps(Level level, SigningServices services, List<Finding> findings) {
        TimestampAuthorities tsa = services.timestamps();
        if (tsa == null) {
            findings.add(new Finding(Severity.PROBLEM, Problem.of("sign.level.needsTsa", level)));
            return;
        }
        if (services.trust().offline()) {
            findings.add(new Finding(Severity.PROBLEM, Problem.of("sign.level.offline", level)));
            return;
        }
        List<TimestampAuthorities.Probe> probes = tsa.probe();
        boolean any = probes.stream().anyMatch(TimestampAuthorities.Probe::answered);
        for (TimestampAuthorities.Probe p : probes) {
            if (p.answered()) {
                findings.add(new Finding(Severity.OK, Problem.of("preflight.tsaAnswered", p.url(), p.millis())));
            } else {
                findings.add(new Finding(any ? Severity.WARNING : Severity.PROBLEM, Problem.of("preflight.tsaFailed", p.url(), p.error())));
            }
        }
    }

    /** Only the chain and revocation part of {@link #check}: what signing at LT or LTA checks first. */
    static PreflightReport chain(SigningKey key, Level level, VerificationSettings trust) {
        List<Finding> findings = new ArrayList<>();
        checkChain(key, trust, findings);
        return new PreflightReport(level, findings);
    }

    /**
     * The revocation status of the certificates of {@code chain} (the signer's first), gathered with
     * {@code trust}'s sources as an LT signing would gather it (OCSP and CRL through the outbound gate,
     * none when {@code trust} is offline, its CRL files then the only source): what a server checks
     * before it prepares a signature for a certificate it was sent.
     *
     * @return GOOD only when every certificate up to a trust anchor has a good status; REVOKED when one is
     *         revoked; UNKNOWN otherwise, with the reason (no anchor, no answer, offline)
     */
    public static SignerRevocation signerRevocation(List<X509Certificate> chain, VerificationSettings trust) {
        List<Finding> findings = new ArrayList<>();
        checkChain(chain, trust, findings);
        for (Finding finding : findings) {
            if (finding.problem().key().equals("preflight.revocation.revoked")) {
                return new SignerRevocation(SignerRevocation.Status.REVOKED, finding.problem());
            }
        }
        for (Finding finding : findings) {
            if (finding.severity() == Severity.PROBLEM) {
                return new SignerRevocation(SignerRevocation.Status.UNKNOWN, trust.offline()
                        ? Problem.of("preflight.revocation.offline", finding.problem()) : finding.problem());
            }
        }
        return new SignerRevocation(SignerRevocation.Status.GOOD, findings.get(findings.size() - 1).problem());
    }

    private static void checkChain(SigningKey key, VerificationSettings trust, List<Finding> findings) {
        checkChain(key.chain(), trust, findings);
    }

    /** Builds the chain and gathers revocation data as an LT signing would, and says what is missing. */
    private static void checkChain(List<X509Certificate> given, VerificationSettings trust, List<Finding> findings) {
        if (trust.trustAnchors().isEmpty()) {
            findings.add(new Finding(Severity.PROBLEM, Problem.of("preflight.chain.noAnchors")));
            return;
        }
        CertificateToken leaf = new CertificateToken(given.get(0));
        CertificateValidator validator = CertificateValidator.fromCertificate(leaf);
        validator.setCertificateVerifier(DocumentSigner.certificateVerifier(given, trust));
        DiagnosticData diagnostic = validator.validate().getDiagnosticData();
        CertificateWrapper signer = diagnostic.getUsedCertificateById(leaf.getDSSIdAsString());
        List<CertificateWrapper> chain = new ArrayList<>();
        chain.add(signer);
        chain.addAll(signer.getCertificateChain());
        for (CertificateWrapper certificate : chain) {
            String name = name(certificate);
            if (certificate.isTrusted()) {
                findings.add(new Finding(Severity.OK, Problem.of("preflight.chain.anchored", name)));
                return;
            }
            checkRevocation(certificate, name, findings);
        }
        CertificateWrapper last = chain.get(chain.size() - 1);
        findings.add(new Finding(Severity.PROBLEM, last.getCAIssuersAccessUrls().isEmpty()
                ? Problem.of("preflight.chain.unanchored", name(last))
                : Problem.of("preflight.chain.unanchored.download", name(last), last.getCAIssuersAccessUrls())));
    }

    private static void checkRevocation(CertificateWrapper certificate, String name, List<Finding> findings) {
        List<CertificateRevocationWrapper> revocations = certificate.getCertificateRevocationData();
        if (revocations.isEmpty()) {
            List<String> sources = new ArrayList<>();
            certificate.getCRLDistributionPoints().forEach(u -> sources.add("CRL " + u));
            certificate.getOCSPAccessUrls().forEach(u -> sources.add("OCSP " + u));
            findings.add(new Finding(Severity.PROBLEM, sources.isEmpty() ? Problem.of("preflight.revocation.noService", name)
                    : Problem.of("preflight.revocation.noAnswer", name, sources)));
            return;
        }
        CertificateRevocationWrapper latest = revocations.stream()
                .max((a, b) -> a.getProductionDate().compareTo(b.getProductionDate())).orElseThrow();
        String source = latest.getRevocationType() + (latest.getSourceAddress() == null ? "" : " from " + latest.getSourceAddress());
        if (latest.getStatus() == CertificateStatus.REVOKED) {
            findings.add(new Finding(Severity.PROBLEM, Problem.of("preflight.revocation.revoked", name,
                    latest.getRevocationDate().toInstant(), source)));
        } else if (latest.getStatus() != CertificateStatus.GOOD) {
            findings.add(new Finding(Severity.PROBLEM, Problem.of("preflight.revocation.unknown", name, latest.getStatus().name(), source)));
        } else {
            findings.add(new Finding(Severity.OK, Problem.of("preflight.revocation.good", name, latest.getStatus().name(), source)));
        }
    }

    private static String name(CertificateWrapper certificate) {
        return certificate.getCommonName() != null ? "'" + certificate.getCommonName() + "'" : certificate.getCertificateDN();
    }
}
