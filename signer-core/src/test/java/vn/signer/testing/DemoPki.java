package vn.signer.testing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.signer.certs.CertificateFiles;
import vn.signer.keys.KeySelector;
import vn.signer.keys.Pkcs11KeySource;
import vn.signer.keys.Pkcs12KeySource;
import vn.signer.keys.TokenSelector;
import vn.signer.verify.VerificationSettings;

/**
 * The committed demo PKI of samples/demo-pki (officer and organisation of the fictional Sở Khoa học
 * và Công nghệ tỉnh Sông Lam) and the ways tests open its keys and verify what they signed.
 * Its certificates point at http://127.0.0.1:18080 where nothing listens, so verification is offline
 * with the committed CRLs.
 */
public final class DemoPki {
    public static final String PASSWORD = "demo1234";
    public static final String OFFICER_NAME = "Đặng Thị Phượng";
    public static final String ORGANISATION_NAME = "Sở Khoa học và Công nghệ tỉnh Sông Lam";

    private DemoPki() {
    }

    public static Path file(String name) {
        return Tools.sample("demo-pki/" + name);
    }

    public static Path officerP12() {
        return file("officer.p12");
    }

    public static Path organisationP12() {
        return file("organisation.p12");
    }

    public static Path rootPem() {
        return file("root-ca.pem");
    }

    public static Path issuingCaPem() {
        return file("issuing-ca.pem");
    }

    public static X509Certificate root() {
        return CertificateFiles.readFile(rootPem()).get(0);
    }

    public static X509Certificate issuingCa() {
        return CertificateFiles.readFile(issuingCaPem()).get(0);
    }

    public static List<Path> crls() {
        return List.of(file("root.crl"), file("issuing-ca.crl"));
    }

    public static Pkcs12KeySource openP12(Path p12) {
        return Pkcs12KeySource.open(p12, request -> PASSWORD.toCharArray());
    }

    /** The demo token with the officer (01), organisation (02) and EC (03) keys. */
    public static Pkcs11KeySource openToken() {
        return Pkcs11KeySource.open(SoftHsm.token().module(), TokenSelector.label(SoftHsm.LABEL),
                request -> SoftHsm.PIN.toCharArray());
    }

    public static KeySelector officerOnToken() {
        return KeySelector.label("officer");
    }

    /**
     * Trusts the demo root, knows the issuing CA (keys on the token store only their own certificate),
     * and takes revocation from the committed CRLs without going online.
     */
    public static VerificationSettings settings() {
        return VerificationSettings.builder().trust(List.of(root())).intermediates(List.of(issuingCa()))
                .crlFiles(crls()).offline(true).build();
    }

    /** The same for a {@link TestPki}, whose CRLs are written into {@code folder}. */
    public static VerificationSettings settings(TestPki pki, Path folder) {
        TestPki.PkiFiles files = pki.written(folder);
        return VerificationSettings.builder().trust(List.of(pki.root())).intermediates(List.of(pki.issuingCa()))
                .crlFiles(files.crls()).offline(true).build();
    }
}
