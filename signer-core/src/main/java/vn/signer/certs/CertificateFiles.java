package vn.signer.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Reads certificates from the files people actually have: PEM (one or many), DER, and PKCS#7
 * bundles (.p7b / .p7c), from single files or from every file in a folder.
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /** Every certificate in the given files and folders (folders are read one level deep). */
    public static List<X509Certificate> read(Collection<Path> paths) {
        List<X509Certificate> certs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readFolder(path, certs);
            } else {
                certs.addAll(readFile(path));
            }
        }
        return certs;
    }

    private static void readFolder(Path folder, List<X509Certificate> into) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> candidates = files.filter(Files::isRegularFile)
                    .filter(CertificateFiles::looksLikeCertificateFile).sorted().toList();
            if (candidates.isEmpty()) {
                throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("certs.emptyFolder", folder.toString()));
            }
            for (Path file : candidates) {
                into.addAll(readFile(file));
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("folder.unlistable", folder.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    private static boolean looksLikeCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                || name.endsWith(".der") || name.endsWith(".p7b") || name.endsWith(".p7c");
    }

    /** Every certificate in one file, whatever its encoding. */
    public static List<X509Certificate> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("certs.missing", file.toString()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            // generateCertificates reads PEM sequences, DER and PKCS#7 alike.
            for (var cert : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                certs.add((X509Certificate) cert);
            }
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return certs;
        } catch (CertificateException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("certs.notCertificate", file.toString(),
                    String.valueOf(e.getMessage())));
        }
    }
}
