package vn.signer.server.profiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.signer.appearance.Appearance;
import vn.signer.appearance.AppearanceMode;
import vn.signer.server.config.SplitAppearanceConfig;

/**
 * The Decree 30 appearance a caller asks for at prepare: the mode and the texts of the request; the
 * images and the organisation come from the profile ({@link SplitAppearanceConfig}).
 *
 * @param mode       the mode, or null for an invisible signature
 * @param docNumber  the document number and symbol, or null
 * @param issuedDate organisation: the date of issuance, or null
 * @param anchor     personal: the text (the signer's name) to put the image above, or null
 */
public record SplitAppearance(AppearanceMode mode, String docNumber, LocalDate issuedDate, String anchor) {
    public static final SplitAppearance NONE = new SplitAppearance(null, null, null, null);

    /** The names of the fields set, as allowOverride lists them. */
    public Set<String> fields() {
        Set<String> set = new TreeSet<>();
        if (mode != null) {
            set.add("appearance");
        }
        if (docNumber != null) {
            set.add("docNumber");
        }
        if (issuedDate != null) {
            set.add("issuedDate");
        }
        if (anchor != null) {
            set.add("anchor");
        }
        return set;
    }

    /** The fields set that {@code allowed} does not list. */
    public List<String> refusedBy(Set<String> allowed) {
        return fields().stream().filter(f -> !allowed.contains(f)).toList();
    }

    /**
     * The appearance to draw, or null for none.
     *
     * @param files resolves the configuration's paths
     * @throws vn.signer.SignerException USAGE when the mode lacks what it needs (a personal signature without
     *                                   the profile's image, say), as core says
     */
    public Appearance build(SplitAppearanceConfig config, Function<String, Path> files) {
        if (mode == null) {
            return null;
        }
        Appearance.Builder builder = Appearance.builder(mode);
        if (mode == AppearanceMode.PERSONAL && config.image() != null) {
            builder.image(files.apply(config.image()));
        }
        if (mode == AppearanceMode.ORGANISATION && config.seal() != null) {
            builder.seal(files.apply(config.seal()));
        }
        if (config.sealSizeMm() != null) {
            builder.sealSizeMm(config.sealSizeMm());
        }
        if (issuedDate != null) {
            builder.issuedDate(issuedDate);
        }
        return builder.anchor(anchor).docNumber(docNumber).organisation(config.organisation()).build();
    }
}
