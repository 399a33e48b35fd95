package vn.signer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made in memory for tests: a root, an issuing CA, and end-entity certificates with
 * whatever validity, key type and key usage a test needs; plus CRLs. Nothing here is mocked: these
 * are real certificates that DSS, OpenSSL, poppler and xmlsec1 check like any other.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Entity root;
    private final Entity issuingCa;
    private final String serviceUrl;
    private Entity tsa;
    private final List<X509Certificate> revoked = new ArrayList<>();
    private final List<Instant> revokedAt = new ArrayList<>();

    /** A certificate with its private key and its chain (the certificate first, the root last). */
    public record Entity(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

        /** Writes a PKCS#12 file with the key, the certificate and its chain. */
        public Path writePkcs12(Path file, String alias, char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, password);
                }
                return file;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestPki(Entity root, Entity issuingCa, String serviceUrl) {
        this.root = root;
        this.issuingCa = issuingCa;
        this.serviceUrl = serviceUrl;
    }

    /** A new root and issuing CA, valid from a year ago for ten years; certificates name no online service. */
    public static TestPki create(String name) {
        return create(name, null);
    }

    /**
     * A new root and issuing CA whose certificates point at {@code serviceUrl} (see {@link PkiServices}):
     * CRLs at /crl/root.crl and /crl/issuing-ca.crl, OCSP at /ocsp, CA certificates at /certs/.
     */
    public static TestPki create(String name, String serviceUrl) {
        Instant now = Instant.now();
        KeyPair rootKeys = rsa(2048);
        X500Name rootName = name("Test Root CA " + name, "signer TEST PKI");
        X509Certificate rootCert = build(rootName, rootKeys, rootName, rootKeys.getPublic(), rootKeys.getPrivate(),
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null, false);
        Entity root = new Entity(rootCert, rootKeys.getPrivate(), List.of(rootCert));
        KeyPair caKeys = rsa(2048);
        X509Certificate caCert = build(name("Test Issuing CA " + name, "signer TEST PKI"), caKeys, rootName,
                rootKeys.getPublic(), rootKeys.getPrivate(), now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3000)), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, serviceUrl, "root", false);
        return new TestPki(root, new Entity(caCert, caKeys.getPrivate(), List.of(caCert, rootCert)), serviceUrl);
    }

    public X509Certificate root() {
        return root.certificate();
    }

    public X509Certificate issuingCa() {
        return issuingCa.certificate();
    }

    /** The issuing CA with its key (it signs CRLs and OCSP responses for end entities). */
    public Entity issuingCaEntity() {
        return issuingCa;
    }

    public Entity rootEntity() {
        return root;
    }

    /** A timestamping certificate (critical extended key usage timeStamping), made once. */
    public synchronized Entity tsa() {
        if (tsa == null) {
            KeyPair keys = rsa(2048);
            Instant now = Instant.now();
            X509Certificate cert = build(name("Test TSA", "signer TEST PKI"), keys,
                    X500Name.getInstance(issuingCa.certificate().getSubjectX500Principal().getEncoded()),
                    issuingCa.certificate().getPublicKey(), issuingCa.key(),
                    now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1000)), false,
                    KeyUsage.digitalSignature | KeyUsage.nonRepudiation, serviceUrl, "issuing-ca", true);
            tsa = new Entity(cert, keys.getPrivate(), List.of(cert, issuingCa.certificate(), root.certificate()));
        }
        return tsa;
    }

    /** When the certificate with this serial was revoked, or null when it was not. */
    public synchronized Instant revocationTime(BigInteger serial) {
        for (int i = 0; i < revoked.size(); i++) {
            if (revoked.get(i).getSerialNumber().equals(serial)) {
                return revokedAt.get(i);
            }
        }
        return null;
    }

    /** Starts an end-entity certificate for {@code commonName} of {@code organization}. */
    public EntityBuilder signer(String commonName, String organization) {
        return new EntityBuilder(commonName, organization);
    }

    /** Marks {@code certificate} revoked at {@code when}, for the next {@link #issuingCaCrl()}. */
    public synchronized void revoke(X509Certificate certificate, Instant when) {
        revoked.add(certificate);
        revokedAt.add(when);
    }

    /** A CRL of the issuing CA listing what was revoked; valid from an hour ago for 30 days. */
    public synchronized X509CRL issuingCaCrl() {
        return crl(issuingCa, List.copyOf(revoked), List.copyOf(revokedAt));
    }

    /** A CRL of the root (revoking nothing). */
    public X509CRL rootCrl() {
        return crl(root, List.of(), List.of());
    }

    /** Writes the root, the issuing CA and both CRLs as PEM/DER files into {@code folder}. */
    public PkiFiles written(Path folder) {
        try {
            Files.createDirectories(folder);
            Path rootPem = folder.resolve("root.pem");
            Path caPem = folder.resolve("issuing-ca.pem");
            Path rootCrl = folder.resolve("root.crl");
            Path caCrl = folder.resolve("issuing-ca.crl");
            Files.writeString(rootPem, pem(root()));
            Files.writeString(caPem, pem(issuingCa()));
            Files.write(rootCrl, rootCrl().getEncoded());
            Files.write(caCrl, issuingCaCrl().getEncoded());
            return new PkiFiles(rootPem, caPem, rootCrl, caCrl);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files {@link #written(Path)} made. */
    public record PkiFiles(Path rootPem, Path issuingCaPem, Path rootCrl, Path issuingCaCrl) {
        public List<Path> crls() {
            return List.of(rootCrl, issuingCaCrl);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds an end-entity certificate; defaults: RSA-2048, valid from a day ago for a year, signing usages. */
    public final class EntityBuilder {
        private final String commonName;
        private final String organization;
        private String keyType = "RSA";
        private int keySize = 2048;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

        private EntityBuilder(String commonName, String organization) {
            this.commonName = commonName;
            this.organization = organization;
        }

        public EntityBuilder ec() {
            keyType = "EC";
            keySize = 256;
            return this;
        }

        public EntityBuilder rsa(int bits) {
            keyType = "RSA";
            keySize = bits;
            return this;
        }

        public EntityBuilder valid(Instant from, Instant until) {
            notBefore = from;
            notAfter = until;
            return this;
        }

        /** BouncyCastle KeyUsage bits, e.g. {@code KeyUsage.keyEncipherment}. */
        public EntityBuilder keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        public Entity issue() {
            KeyPair keys = "EC".equals(keyType) ? ec256() : TestPki.rsa(keySize);
            X509Certificate cert = build(name(commonName, organization), keys,
                    X500Name.getInstance(issuingCa.certificate().getSubjectX500Principal().getEncoded()),
                    issuingCa.certificate().getPublicKey(), issuingCa.key(), notBefore, notAfter, false, keyUsage,
                    serviceUrl, "issuing-ca", false);
            return new Entity(cert, keys.getPrivate(), List.of(cert, issuingCa.certificate(), root.certificate()));
        }
    }

    /**
     * A signer whose chain never ends: the signer's issuer is CA 0, CA i is issued by CA i+1, and each
     * certificate names its issuer at {@code serviceUrl}/certs/ca{i+1}.cer (and a CRL and an OCSP
     * responder there), so that a verifier that keeps fetching "CA issuers" goes on for {@code length}
     * certificates. EC keys, to be quick. The signer's own chain is the signer's certificate alone.
     *
     * @return the CAs, CA 0 first, then the signer last
     */
    public static List<Entity> endlessChain(int length, String serviceUrl) {
        Instant now = Instant.now();
        KeyPair issuerKeys = ec256();
        X500Name issuerName = name("Endless CA " + length, "signer TEST PKI");
        List<Entity> cas = new ArrayList<>();
        for (int i = length - 1; i >= 0; i--) {
            KeyPair keys = ec256();
            X500Name subject = name("Endless CA " + i, "signer TEST PKI");
            X509Certificate cert = build(subject, keys, issuerName, issuerKeys.getPublic(), issuerKeys.getPrivate(),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), true,
                    KeyUsage.keyCertSign | KeyUsage.cRLSign, serviceUrl, "ca" + (i + 1), false);
            cas.add(0, new Entity(cert, keys.getPrivate(), List.of(cert)));
            issuerKeys = keys;
            issuerName = subject;
        }
        KeyPair keys = ec256();
        X509Certificate leaf = build(name("Người Ký Vô Tận", "Sở TEST"), keys, issuerName, issuerKeys.getPublic(),
                issuerKeys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, serviceUrl, "ca0", false);
        cas.add(new Entity(leaf, keys.getPrivate(), List.of(leaf)));
        return cas;
    }

    private static X500Name name(String commonName, String organization) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.C, "VN");
        if (organization != null) {
            builder.addRDN(BCStyle.O, organization);
        }
        builder.addRDN(BCStyle.CN, commonName);
        return builder.build();
    }

    /**
     * @param serviceUrl where the issuer's CRL, OCSP responder and certificate are served, or null
     * @param issuerFile the issuer's file name under /crl/ and /certs/ of serviceUrl
     */
    private static X509Certificate build(X500Name subject, KeyPair keys, X500Name issuer, PublicKey issuerPublicKey,
                                         PrivateKey issuerKey,
                                         Instant notBefore, Instant notAfter, boolean ca, int keyUsage,
                                         String serviceUrl, String issuerFile, boolean timeStamping) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (keyUsage != 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerPublicKey));
            if (timeStamping) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            if (serviceUrl != null) {
                GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, serviceUrl + "/crl/" + issuerFile + ".crl");
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, serviceUrl + "/ocsp")),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, serviceUrl + "/certs/" + issuerFile + ".cer"))}));
            }
            String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509CRL crl(Entity issuer, List<X509Certificate> certs, List<Instant> when) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
            for (int i = 0; i < certs.size(); i++) {
                builder.addCRLEntry(certs.get(i).getSerialNumber(), Date.from(when.get(i)), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
            X509CRLHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.key()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
