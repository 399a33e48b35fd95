package vn.signer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.signer.certs.CertificateFiles;
import vn.signer.config.OfficerProfile;
import vn.signer.net.NetworkPolicy;
import vn.signer.verify.VerificationSettings;

/** Trust anchors, intermediates, CRL files and network use: shared by 'sign', 'extend' and 'verify'. */
final class TrustOptions {
    @Option(names = "--trust", paramLabel = "FILE|DIR",
            description = "Trusted root certificates: PEM, DER or PKCS#7 files, or folders of them. Repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--intermediate", paramLabel = "FILE|DIR",
            description = "Intermediate CA certificates, for chains that documents or tokens do not hold. Repeatable.")
    List<Path> intermediates = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "FILE", description = "CRL files to use before any online source. Repeatable.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--offline", description = "Use no network at all (no TSA, AIA, CRL or OCSP requests).")
    boolean offline;

    VerificationSettings.Builder settings() {
        return settings(null);
    }

    /** The settings, the profile's trust anchors where none was given here. */
    VerificationSettings.Builder settings(OfficerProfile profile) {
        List<Path> anchors = trust.isEmpty() && profile != null ? profile.trustPaths() : trust;
        return VerificationSettings.builder()
                .trust(CertificateFiles.read(anchors))
                .intermediates(CertificateFiles.read(intermediates))
                .crlFiles(crls)
                .offline(offline)
                // The person running the command chose the document, and certificates of an office's
                // own CA are often published on internal hosts: unlike the server, the CLI reaches them.
                .network(NetworkPolicy.PUBLIC_ONLY.withPrivateAddresses(true));
    }
}
