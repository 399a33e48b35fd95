package vn.signer.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Option;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.appearance.Appearance;
import vn.signer.appearance.AppearanceFont;
import vn.signer.appearance.AppearanceMode;
import vn.signer.appearance.AppearanceWarning;
import vn.signer.appearance.Box;
import vn.signer.appearance.CopyKind;
import vn.signer.appearance.VisibleSignature;
import vn.signer.config.OfficerProfile;
import vn.signer.document.DocumentFormat;

/** 'sign' options for the visible signature of a PDF (Decree 30 appearances). */
final class AppearanceOptions {

    @Option(names = {"--appearance", "--mode"}, paramLabel = "MODE",
            description = "Visible signature: personal, organisation, copy, appendix, attachment or text (PDF).")
    String mode;

    @Option(names = "--image", paramLabel = "FILE", description = "personal: the blue signature image (PNG, transparent).")
    Path image;

    @Option(names = "--anchor", paramLabel = "TEXT",
            description = "personal: centre the image above the line holding TEXT (the signer's name), below the title.")
    String anchor;

    @Option(names = "--seal", paramLabel = "FILE", description = "organisation: the red seal image (PNG, transparent).")
    Path seal;

    @Option(names = "--seal-size-mm", paramLabel = "MM", description = "organisation: the seal's real size (default 36).")
    Float sealSizeMm;

    @Option(names = "--doc-number", paramLabel = "NUMBER", description = "The document number and symbol, e.g. 125/SKHCN-VP.")
    String docNumber;

    @Option(names = "--issued-date", paramLabel = "YYYY-MM-DD", description = "organisation: the date of issuance.")
    String issuedDate;

    @Option(names = "--copy-kind", paramLabel = "KIND", description = "copy: \"SAO Y\", \"SAO LỤC\" or \"TRÍCH SAO\".")
    String copyKind;

    @Option(names = "--org", paramLabel = "NAME", description = "The organisation named in the text block.")
    String organisation;

    @Option(names = "--template", paramLabel = "TEXT",
            description = "text: the block, with {signer} {org} {time} {reason} {location} and \\n for new lines.")
    String template;

    @Option(names = "--font", paramLabel = "FILE", description = "A TrueType font for the text (default: Liberation Serif).")
    Path font;

    @Option(names = "--page", paramLabel = "N", description = "The page of the box given with --x/--y (default 1).")
    Integer page;

    @Option(names = "--x", paramLabel = "LEN", description = "The box's left edge from the page's left (points, or e.g. 120mm).")
    String x;

    @Option(names = "--y", paramLabel = "LEN", description = "The box's bottom edge from the page's bottom (points, or mm).")
    String y;

    @Option(names = "--width", paramLabel = "LEN", description = "The box's width (points, or mm).")
    String width;

    @Option(names = "--height", paramLabel = "LEN", description = "The box's height (points, or mm).")
    String height;

    /**
     * The appearance asked for, each part not given here taken from the profile's appearance, or null
     * for an invisible signature.
     *
     * @param profile the profile asked for, or null
     */
    Appearance build(OfficerProfile profile) {
        AppearanceMode defaultMode = profile == null ? null : profile.appearance().mode();
        if (mode == null && defaultMode == null) {
            return null;
        }
        AppearanceMode chosen = mode != null ? mode(mode) : defaultMode;
        Appearance.Builder builder = profile != null ? profile.appearanceBuilder(chosen) : Appearance.builder(chosen);
        if (image != null) {
            builder.image(image);
        }
        if (seal != null) {
            builder.seal(seal);
        }
        if (sealSizeMm != null) {
            builder.sealSizeMm(sealSizeMm);
        }
        if (copyKind != null) {
            builder.copyKind(CopyKind.parse(copyKind));
        }
        if (issuedDate != null) {
            builder.issuedDate(date(issuedDate));
        }
        if (font != null) {
            builder.font(AppearanceFont.file(font));
        }
        if (anchor != null) {
            builder.anchor(anchor);
        }
        if (organisation != null) {
            builder.organisation(organisation);
        }
        if (template != null) {
            builder.template(template);
        }
        Float sealMm = sealSizeMm != null ? sealSizeMm : profile == null ? null : profile.appearance().sealSizeMm();
        return builder.box(box(chosen, sealMm)).docNumber(docNumber).build();
    }

    /** Prints what the signer should know about {@code input} before this appearance goes on it. */
    void warn(Appearance appearance, Path input, Terminal terminal, Locale locale) {
        if (appearance == null || DocumentFormat.detect(input) != DocumentFormat.PDF) {
            return;
        }
        for (AppearanceWarning warning : VisibleSignature.warnings(appearance, input)) {
            terminal.err().println(CliMessages.warning(warning, input, locale));
        }
        terminal.err().flush();
    }

    private Box box(AppearanceMode chosen, Float sealSizeMm) {
        if (x == null && y == null && width == null && height == null && page == null) {
            return null;
        }
        if (x == null || y == null) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.boxPlace"));
        }
        // The seal keeps its real size unless told otherwise: only its place is needed.
        float seal = (sealSizeMm == null ? Appearance.DEFAULT_SEAL_SIZE_MM : sealSizeMm) * Box.MM;
        boolean isSeal = chosen == AppearanceMode.ORGANISATION;
        if (!isSeal && (width == null || height == null)) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.boxSize"));
        }
        return new Box(page == null ? 1 : page, Box.length(x), Box.length(y),
                width == null ? seal : Box.length(width), height == null ? seal : Box.length(height));
    }

    private static AppearanceMode mode(String text) {
        String m = text.strip().toUpperCase(Locale.ROOT);
        if (m.equals("ORGANIZATION")) {
            m = "ORGANISATION";
        }
        try {
            return AppearanceMode.valueOf(m);
        } catch (IllegalArgumentException e) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.appearance", text), e);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.issuedDate", text), e);
        }
    }
}
