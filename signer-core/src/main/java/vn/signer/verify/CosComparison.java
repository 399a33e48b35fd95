package vn.signer.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Compares objects of two revisions of one PDF by value. The earlier revision is a prefix of the later
 * file, so an indirect object found at the same offset in both cross-reference tables is the same
 * bytes: its stream data is not read again, though its references are followed (they may lead to
 * objects the later revision redefined).
 *
 * <p>Back-pointers (/Parent, /P) are not followed: they lead up the tree the caller walks down. A
 * hostile document cannot make the comparison endless: it stops with {@link Exhausted} after a
 * budget of objects and stream bytes.
 */
final class CosComparison {
    private static final Set<COSName> BACK_POINTERS = Set.of(COSName.PARENT, COSName.P);

    /** The comparison's budget ran out: the revisions could not be compared in full. */
    static final class Exhausted extends Exception {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("the comparison of the two revisions needs more work than allowed", null, false, false);
        }
    }

    private final Map<COSObjectKey, Long> before;
    private final Map<COSObjectKey, Long> after;
    /** Results by object; an object being compared counts as equal meanwhile, which ends reference cycles. */
    private final Map<COSObjectKey, Boolean> known = new HashMap<>();
    /** Deeper nesting than any real document has; a hostile one must not exhaust the stack. */
    private static final int MAX_DEPTH = 500;
    private int depth;
    private long objectsLeft;
    private long bytesLeft;

    CosComparison(PDDocument before, PDDocument after, long objectBudget, long byteBudget) {
        this.before = before.getDocument().getXrefTable();
        this.after = after.getDocument().getXrefTable();
        this.objectsLeft = objectBudget;
        this.bytesLeft = byteBudget;
    }

    /** Whether the indirect object {@code key} is where it was: the later revision did not redefine it. */
    boolean unchanged(COSObjectKey key) {
        Long offset = before.get(key);
        return offset != null && offset.equals(after.get(key));
    }

    /** Whether {@code a} (earlier revision) and {@code b} (later revision) have the same value. */
    boolean same(COSBase a, COSBase b) throws Exhausted {
        if (--objectsLeft < 0 || depth >= MAX_DEPTH) {
            throw new Exhausted();
        }
        depth++;
        try {
            return compare(a, b);
        } finally {
            depth--;
        }
    }

    private boolean compare(COSBase a, COSBase b) throws Exhausted {
        if (a instanceof COSObject ra && b instanceof COSObject rb && Objects.equals(ra.getKey(), rb.getKey())
                && ra.getKey() != null) {
            Boolean result = known.putIfAbsent(ra.getKey(), Boolean.TRUE);
            if (result != null) {
                return result;
            }
            // An object at the same offset is the same bytes, but what its references lead to may have
            // been redefined: its stream data need not be read again, its entries must still be followed.
            boolean same = values(ra.getObject(), rb.getObject(), unchanged(ra.getKey()));
            known.put(ra.getKey(), same);
            return same;
        }
        return values(a instanceof COSObject ra ? ra.getObject() : a, b instanceof COSObject rb ? rb.getObject() : b, false);
    }

    private boolean values(COSBase x, COSBase y, boolean sameBytes) throws Exhausted {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof COSStream sx) {
            return y instanceof COSStream sy && sameEntries(sx, sy, Set.of(COSName.LENGTH)) && (sameBytes || sameBytes(sx, sy));
        }
        if (x instanceof COSDictionary dx) {
            return y instanceof COSDictionary dy && !(y instanceof COSStream) && sameEntries(dx, dy, Set.of());
        }
        if (x instanceof COSArray ax) {
            if (!(y instanceof COSArray ay) || ax.size() != ay.size()) {
                return false;
            }
            for (int i = 0; i < ax.size(); i++) {
                if (!same(ax.get(i), ay.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof COSString strx) {
            return y instanceof COSString stry && Arrays.equals(strx.getBytes(), stry.getBytes());
        }
        return x.equals(y);
    }

    /** Whether two dictionaries hold the same entries, leaving out back-pointers and {@code ignored}. */
    boolean sameEntries(COSDictionary a, COSDictionary b, Set<COSName> ignored) throws Exhausted {
        Set<COSName> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (COSName key : keys) {
            if (!BACK_POINTERS.contains(key) && !ignored.contains(key) && !same(a.getItem(key), b.getItem(key))) {
                return false;
            }
        }
        return true;
    }

    /** The entries of two dictionaries whose values differ, back-pointers left out. */
    Set<COSName> differingEntries(COSDictionary a, COSDictionary b) throws Exhausted {
        Set<COSName> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<COSName> differing = new HashSet<>();
        for (COSName key : keys) {
            if (!BACK_POINTERS.contains(key) && !same(a.getItem(key), b.getItem(key))) {
                differing.add(key);
            }
        }
        return differing;
    }

    private boolean sameBytes(COSStream a, COSStream b) throws Exhausted {
        try (InputStream x = a.createRawInputStream(); InputStream y = b.createRawInputStream()) {
            byte[] bx = new byte[8192];
            byte[] by = new byte[8192];
            while (true) {
                int nx = x.readNBytes(bx, 0, bx.length);
                int ny = y.readNBytes(by, 0, by.length);
                bytesLeft -= nx;
                if (bytesLeft < 0) {
                    throw new Exhausted();
                }
                if (nx != ny || !Arrays.equals(bx, 0, nx, by, 0, ny)) {
                    return false;
                }
                if (nx < bx.length) {
                    return true;
                }
            }
        } catch (IOException e) {
            // A stream that cannot be read in one revision cannot be shown as it was signed.
            return false;
        }
    }
}
