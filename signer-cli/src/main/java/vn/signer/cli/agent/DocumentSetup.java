package vn.signer.cli.agent;

import vn.signer.config.OfficerProfile;
import vn.signer.sign.Level;
import vn.signer.sign.SigningServices;

/**
 * How the agent signs a whole document for the plugin protocol: the level, the TSAs and trust (the
 * officer's options or profile), and the profile whose appearance defaults (signature image, seal,
 * anchor, organisation, font) each mode starts from.
 *
 * @param level    the baseline level
 * @param services the timestamp authorities and the trust for LT and LTA
 * @param profile  the officer's profile, or null: then the modes that need an image or a seal are refused
 */
public record DocumentSetup(Level level, SigningServices services, OfficerProfile profile) {
}
