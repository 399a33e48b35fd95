package vn.signer.server.config;

import java.net.URI;
import java.util.List;
import java.util.Set;
import vn.signer.sign.Level;

/**
 * A signing profile that holds no key: the signer's key is elsewhere (a token on the officer's
 * computer, behind a local agent), and the server fixes every parameter, keeps the prepared document
 * and completes it with the value brought back.
 *
 * @param signers       the trust profile whose anchors and intermediates may issue signers' certificates
 * @param trust         the trust profile that completes the chain and, for LT/LTA, gathers revocation data
 *                      (default: {@code signers})
 * @param level         B, T, LT or LTA (default B)
 * @param tsa           timestamp authority URLs, in order of preference (needed from T up)
 * @param reason        the default reason
 * @param location      the default location
 * @param contactInfo   the default contact information
 * @param allowOverride which of reason, location, contactInfo, level and the appearance's appearance, docNumber,
 *                      issuedDate, anchor a caller may set per request
 * @param appearance    the images and names an appearance asked for at prepare draws
 * @param acceptUnknownRevocation whether prepare goes on when the signer's certificate's revocation status
 *                      cannot be established (a revoked one is always refused); default: accepted at B and T,
 *                      refused at LT and LTA, whose signing would fail on it at complete anyway
 */
public record SplitProfileConfig(String signers, String trust, Level level, List<URI> tsa, String reason, String location,
                                 String contactInfo, Set<String> allowOverride, SplitAppearanceConfig appearance,
                                 Boolean acceptUnknownRevocation) {
    /** What a caller may set at prepare: {@link ProfileConfig#OVERRIDABLE} and the Decree 30 appearance. */
    public static final Set<String> OVERRIDABLE = Set.of("reason", "location", "contactInfo", "level",
            "appearance", "docNumber", "issuedDate", "anchor");

    public SplitProfileConfig {
        ServerConfig.require(signers != null, "config.split.signers");
        trust = trust == null ? signers : trust;
        level = level == null ? Level.B : level;
        tsa = tsa == null ? List.of() : List.copyOf(tsa);
        allowOverride = allowOverride == null ? Set.of() : Set.copyOf(allowOverride);
        ServerConfig.require(OVERRIDABLE.containsAll(allowOverride),
                "config.split.allowOverride", OVERRIDABLE.stream().sorted().toList());
        appearance = appearance == null ? SplitAppearanceConfig.NONE : appearance;
        ServerConfig.require(!level.needsTimestamp() || !tsa.isEmpty(), "config.split.tsa", level);
    }
}
