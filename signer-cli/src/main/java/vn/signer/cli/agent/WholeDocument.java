package vn.signer.cli.agent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import vn.signer.appearance.Appearance;
import vn.signer.appearance.AppearanceMode;
import vn.signer.appearance.CopyKind;
import vn.signer.certs.CertificateSummary;
import vn.signer.config.OfficerProfile;

/**
 * A document the plugin protocol asks to sign whole: as downloaded from the page's server, with the
 * operation that says its Decree 30 appearance and the page's number, date and copy kind.
 *
 * @param name      the file name, from the address it was downloaded from
 * @param content   the PDF
 * @param operation SignApproved, SignIssued, SignCopy or SignAppendix
 * @param request   the page's request
 */
record WholeDocument(String name, byte[] content, PluginOperation operation, PluginRequest request) {

    /** The SHA-256 of the document as downloaded, hex: what the person is shown. */
    String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The operation's appearance: the profile's defaults (image, seal, anchor, organisation, font) with
     * the page's number and date (which {@link PluginProtocol} requires where the mode shows them); the signer's name as the anchor and its organisation for the text
     * blocks when the profile names none.
     *
     * @throws vn.signer.SignerException USAGE when the mode's parts are missing (no seal for SignIssued, say)
     */
    Appearance appearance(OfficerProfile profile, X509Certificate signer) {
        AppearanceMode mode = operation.mode();
        Appearance.Builder builder = profile != null ? profile.appearanceBuilder(mode) : Appearance.builder(mode);
        CertificateSummary holder = CertificateSummary.of(signer);
        boolean profileOrganisation = profile != null && profile.appearance().organisation() != null;
        switch (mode) {
            case PERSONAL -> {
                if (profile == null || profile.appearance().anchor() == null) {
                    builder.anchor(holder.commonName());
                }
            }
            case ORGANISATION -> builder.docNumber(request.docNumber()).issuedDate(request.issuedDate());
            case COPY -> {
                String kind = request.meta("CopyKind");
                builder.copyKind(kind == null ? CopyKind.SAO_Y : CopyKind.parse(kind));
                if (!profileOrganisation) {
                    builder.organisation(holder.organization());
                }
            }
            case APPENDIX -> {
                builder.docNumber(request.docNumber());
                if (!profileOrganisation) {
                    builder.organisation(holder.organization());
                }
            }
            default -> throw new IllegalStateException("the plugin protocol has no " + mode + " operation");
        }
        return builder.build();
    }
}
