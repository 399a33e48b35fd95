package vn.signer.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.signer.work.Cancellation;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Which pages' own content (annotations left out) differs between a signed revision and the final
 * document: first by their objects and, where those differ, by drawing both. Pages that cannot be
 * compared are kept apart, never taken as unchanged. One instance serves one verification.
 */
final class PageChanges {
    private static final long OBJECT_BUDGET = 1_000_000;
    private static final long BYTE_BUDGET = 128L * 1024 * 1024;
    private final Set<Integer> uncompared = new TreeSet<>();

    /** The pages (from 1) whose content differs; see {@link vn.signer.dss.RevisionDifferences}. */
    List<Integer> differing(PDDocument before, PDDocument after) {
        CosComparison compare = new CosComparison(before, after, OBJECT_BUDGET, BYTE_BUDGET);
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < Math.min(before.getNumberOfPages(), after.getNumberOfPages()); i++) {
            int page = i + 1;
            // Drawing a page is most of a verification's time, and PDFBox does not look at interruption.
            Cancellation.check();
            try {
                if (!sameObjects(compare, before.getPage(i), after.getPage(i)) && !PageContent.looksSame(before, after, i)) {
                    differing.add(page);
                }
            } catch (PageContent.TooLarge | IOException | RuntimeException e) {
                // Not compared (too large to draw, or PDFBox cannot draw it): not "unchanged" either.
                uncompared.add(page);
            }
        }
        return differing;
    }

    /** Pages that could not be compared with an earlier revision: too large, or not drawable. */
    Set<Integer> uncomparedPages() {
        return Set.copyOf(uncompared);
    }

    private static boolean sameObjects(CosComparison compare, PDPage a, PDPage b) {
        try {
            return PageContent.same(compare, a, b);
        } catch (CosComparison.Exhausted e) {
            // Too many objects to compare one by one: drawing both pages decides.
            return false;
        }
    }
}
