package vn.signer.cli.agent;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * The agent's own TLS certificate: an ECDSA P-256 key and a self-signed certificate for
 * {@code IP:127.0.0.1, DNS:localhost}, made on first start and kept in the {@link AgentFolder} (the
 * key readable by its owner only). Browsers trust it once, by the steps {@link #trustSteps} prints, or
 * by its public key's hash ({@link #spkiSha256()}, Chromium's --ignore-certificate-errors-spki-list).
 */
public final class AgentCertificate {
    static final String KEY_FILE = "agent-tls.key";
    static final String CERTIFICATE_FILE = "agent-tls.crt";
    /** Long enough not to ask the officer to trust it again soon; browsers take this from a locally trusted certificate. */
    private static final Duration VALIDITY = Duration.ofDays(825);
    /** A certificate this close to its end is replaced at start. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Path file;
    private final boolean made;

    private AgentCertificate(PrivateKey key, X509Certificate certificate, Path file, boolean made) {
        this.key = key;
        this.certificate = certificate;
        this.file = file;
        this.made = made;
    }

    /** The certificate kept in {@code folder}, made there first when there is none or it is ending. */
    public static AgentCertificate loadOrMake(Path folder) {
        Path keyFile = folder.resolve(KEY_FILE);
        Path certificateFile = folder.resolve(CERTIFICATE_FILE);
        try {
            if (Files.isRegularFile(keyFile) && Files.isRegularFile(certificateFile)) {
                AgentCertificate kept = new AgentCertificate(readKey(keyFile), readCertificate(certificateFile), certificateFile, false);
                if (kept.certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    return kept;
                }
            }
            return make(folder, keyFile, certificateFile);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | IllegalArgumentException e) {
            throw new SignerException(ErrorCode.IO, Problem.in(AgentSetup.BUNDLE, "agent.tls.unusable", folder.toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** The certificate kept in {@code folder}, or null when the agent has not made one yet. */
    public static X509Certificate kept(Path folder) {
        Path certificateFile = folder.resolve(CERTIFICATE_FILE);
        if (!Files.isRegularFile(certificateFile)) {
            return null;
        }
        try {
            return readCertificate(certificateFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new SignerException(ErrorCode.IO, Problem.in(AgentSetup.BUNDLE, "agent.tls.unusable", folder.toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static AgentCertificate make(Path folder, Path keyFile, Path certificateFile)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=signer agent 127.0.0.1, O=signer (local)");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Files.createDirectories(folder);
        write(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        write(certificateFile, pem("CERTIFICATE", certificate.getEncoded()), false);
        return new AgentCertificate(pair.getPrivate(), certificate, certificateFile, true);
    }

    /** Whether this start made the certificate (so the browsers do not trust it yet). */
    public boolean made() {
        return made;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate's file, for the trust steps. */
    public Path file() {
        return file;
    }

    /** SHA-256 of the certificate's public key (SubjectPublicKeyInfo), base64: what Chromium pins. */
    public String spkiSha256() {
        return spkiSha256(certificate);
    }

    static String spkiSha256(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A TLS context serving this certificate. */
    public SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("agent", key, password, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot serve TLS with an EC key", e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(file, StandardCharsets.US_ASCII))));
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Written beside, then renamed into place; the key readable by its owner only where the file system says so. */
    private static void write(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
