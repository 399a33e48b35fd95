package vn.signer.server.config;

/**
 * What a keyless profile draws when a caller asks for a Decree 30 appearance at prepare: the images
 * come from the operator's configuration, never from the page (a page must not put any seal it likes
 * on a document). Paths are relative to the configuration file's folder.
 *
 * @param image        personal: the handwritten-signature image (PNG), or null
 * @param seal         organisation: the seal image (PNG), or null
 * @param sealSizeMm   organisation: the seal's real size in mm (default 36)
 * @param organisation the organisation named in text blocks, or null
 */
public record SplitAppearanceConfig(String image, String seal, Float sealSizeMm, String organisation) {
    public static final SplitAppearanceConfig NONE = new SplitAppearanceConfig(null, null, null, null);
}
