package vn.signer.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.verify.DetachedContent;
import vn.signer.verify.VerificationSettings;

/**
 * What a verification report to keep says about the check itself, beside the report's facts: which
 * file exactly (its SHA-256), with which detached contents, and against which trust anchors it was checked.
 *
 * @param sha256       the document's SHA-256, lower-case hex
 * @param trustProfile the name of the trust profile used (a server's), or null when the anchors were given directly
 * @param trustAnchors the subjects of the trusted root certificates, as configured
 * @param detached     the detached contents the document was checked with, each by name and SHA-256
 */
public record ReportDetails(String sha256, String trustProfile, List<String> trustAnchors, List<Content> detached) {

    public ReportDetails {
        trustAnchors = List.copyOf(trustAnchors);
        detached = List.copyOf(detached);
    }

    /**
     * A detached content as the report names it.
     *
     * @param name   its file name, as given
     * @param sha256 its SHA-256, lower-case hex
     */
    public record Content(String name, String sha256) {
    }

    /** The details of a check of a document whose SHA-256 is {@code sha256} with {@code settings}. */
    public static ReportDetails of(String sha256, String trustProfile, VerificationSettings settings) {
        return of(sha256, trustProfile, settings, List.of());
    }

    /**
     * The details of a check with {@code settings} and the detached contents {@code given} besides the
     * settings' own; each content's file is read for its SHA-256.
     *
     * @throws SignerException IO when a content cannot be read
     */
    public static ReportDetails of(String sha256, String trustProfile, VerificationSettings settings, List<DetachedContent> given) {
        List<DetachedContent> all = new ArrayList<>(settings.detachedContents().stream().map(DetachedContent::of).toList());
        all.addAll(given);
        return new ReportDetails(sha256, trustProfile,
                settings.trustAnchors().stream().map(c -> CertificateSummary.of(c).subject()).toList(),
                all.stream().map(c -> new Content(c.name(), sha256(c.file()))).toList());
    }

    /**
     * The SHA-256 of {@code file}, lower-case hex.
     *
     * @throws SignerException IO when it cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
