package vn.signer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A real PKCS#11 token for tests: SoftHSM2, set up once per test JVM before anything loads the
 * module (SoftHSM2 reads its token folder when it is initialised). It holds the demo officer and
 * organisation keys (ids 01, 02, from samples/) and an EC P-256 key (id 03, label "ec-signer") of a
 * test PKI; a second, empty token "signer-second" makes token selection matter. Surefire sets
 * SOFTHSM2_CONF to a file under target/, which this writes.
 */
public final class SoftHsm {
    public static final String LABEL = "signer-demo";
    public static final String SECOND_LABEL = "signer-second";
    public static final String PIN = "123456";
    public static final String EC_LABEL = "ec-signer";

    private static SoftHsm instance;

    private final Path module;
    private final TestPki ecPki;
    private final TestPki.Entity ecSigner;

    private SoftHsm(Path module, TestPki ecPki, TestPki.Entity ecSigner) {
        this.module = module;
        this.ecPki = ecPki;
        this.ecSigner = ecSigner;
    }

    public static synchronized SoftHsm token() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /** The SoftHSM2 PKCS#11 library. */
    public Path module() {
        return module;
    }

    /** The PKI that issued the EC key's certificate. */
    public TestPki ecPki() {
        return ecPki;
    }

    public TestPki.Entity ecSigner() {
        return ecSigner;
    }

    private static SoftHsm create() {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set; run the tests through Maven (Surefire sets it)");
        }
        Path dir = Paths.get(conf).getParent();
        Tools.Result made = Tools.run(List.of("bash", Tools.sample("softhsm/make-demo-token.sh").toString(), dir.toString()));
        Tools.check(made, "make-demo-token.sh");
        Path module = Paths.get(made.stdout().lines().filter(l -> l.startsWith("PKCS#11 module: "))
                .findFirst().orElseThrow().substring("PKCS#11 module: ".length()).strip());
        Map<String, String> env = Map.of("SOFTHSM2_CONF", conf);
        Tools.check(Tools.run(List.of("softhsm2-util", "--init-token", "--free", "--label", SECOND_LABEL,
                "--so-pin", "87654321", "--pin", "654321"), env), "softhsm2-util --init-token");

        TestPki pki = TestPki.create("SoftHSM EC");
        TestPki.Entity ec = pki.signer("Trần Thị Ánh", "Văn phòng Sở (TEST)").ec().issue();
        try {
            Path key = Files.createTempFile(dir, "ec", ".key.der");
            Path cert = Files.createTempFile(dir, "ec", ".cer");
            Files.write(key, ec.key().getEncoded());
            Files.write(cert, ec.certificate().getEncoded());
            importObject(module, key, "privkey", env);
            importObject(module, cert, "cert", env);
            Files.delete(key);
            Files.delete(cert);
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return new SoftHsm(module, pki, ec);
    }

    private static void importObject(Path module, Path file, String type, Map<String, String> env) {
        List<String> command = new java.util.ArrayList<>(List.of("pkcs11-tool", "--module", module.toString(),
                "--token-label", LABEL, "--login", "--pin", PIN, "--write-object", file.toString(),
                "--type", type, "--id", "03", "--label", EC_LABEL));
        if (type.equals("privkey")) {
            command.add("--usage-sign");
        }
        Tools.check(Tools.run(command, env), "pkcs11-tool --write-object " + type);
    }
}
