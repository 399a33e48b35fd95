package vn.signer.config;

import vn.signer.appearance.AppearanceMode;

/**
 * A profile's defaults for the visible signature (Decree 30 appearances): the parts that stay the same
 * from one document to the next. What belongs to one document (its number, the date of issuance, the
 * box) is given with it. Paths are as written in the file; {@link OfficerProfile#path} resolves them.
 *
 * @param mode         personal, organisation, copy, appendix, attachment or text
 * @param image        personal: the signature image (PNG)
 * @param seal         organisation: the seal image (PNG)
 * @param sealSizeMm   organisation: the seal's real size
 * @param anchor       personal: the text (the signer's name) the image is placed above
 * @param organisation the organisation named in the text block
 * @param template     text: the block's template
 * @param font         a TrueType font for the text
 */
public record ProfileAppearance(AppearanceMode mode, String image, String seal, Float sealSizeMm, String anchor,
                                String organisation, String template, String font) {
    /** No defaults. */
    public static final ProfileAppearance NONE = new ProfileAppearance(null, null, null, null, null, null, null, null);
}
