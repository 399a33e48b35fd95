package vn.signer.largexml;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.SafeXml;

/**
 * XML too large for a tree in this heap ({@link SafeXml#largestForHeap}), signed and verified by streaming:
 * the reference to the whole document ("" with the enveloped-signature transform and a canonicalization)
 * is digested as the document is read, and DSS works on a stand-in of a few kilobytes, the document's root
 * holding only the signature ({@link PrecomputedDigest} gives it the digest). Nothing of the document
 * but the root's start tag and the signature is held in memory.
 *
 * <p>Only what can be established this way is accepted: one ds:Signature in the document, a child of the
 * root; each of its references either "" with those transforms, or to an Id inside the signature.
 * Anything else is refused with a problem saying so, never verified with less.
 */
public final class LargeXml {
    /**
     * The canonicalizations the digest can be computed with, by algorithm URI. A reference to "" selects
     * the document without its comments (XMLDSig 4.4.3.3, and Santuario's resolver), so even the
     * #WithComments ones write none here.
     */
    private static final Map<String, CanonicalXml.Method> METHODS = Map.of(
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315", new CanonicalXml.Method(false, false),
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", new CanonicalXml.Method(false, false),
            "http://www.w3.org/2006/12/xml-c14n11", new CanonicalXml.Method(false, false),
            "http://www.w3.org/2006/12/xml-c14n11#WithComments", new CanonicalXml.Method(false, false),
            "http://www.w3.org/2001/10/xml-exc-c14n#", new CanonicalXml.Method(true, false),
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments", new CanonicalXml.Method(true, false));
    /** A node set turned into octets without a canonicalization transform is Canonical XML 1.0 without comments. */
    public static final String DEFAULT_METHOD = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private LargeXml() {
    }

    /** Whether {@code file} is too large to be signed or verified as a tree in this heap. */
    public static boolean isLarge(Path file) {
        try {
            return Files.size(file) > SafeXml.largestForHeap();
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** Whether the digest can be computed with the canonicalization {@code algorithm}. */
    public static boolean canonicalizes(String algorithm) {
        return METHODS.containsKey(algorithm);
    }

    /**
     * The document's root holding only the ds:Signature elements directly under it, canonical (inclusive,
     * with comments), as a small document; read with SafeXml's limits.
     */
    public static StandIn standIn(Path file) {
        long limit = SafeXml.largestForHeap();
        // A signature stuffed with megabytes (in an Object, say) would be a large tree again: refused as one.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                SafeXml.requireWithin(file.toString(), (long) count + len, limit);
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                SafeXml.requireWithin(file.toString(), count + 1L, limit);
                super.write(b);
            }
        };
        CanonicalXml canonical = new CanonicalXml(writer(bytes), new CanonicalXml.Method(false, true), true);
        SafeXml.read(file, canonical);
        return new StandIn(bytes.toByteArray(), canonical.signatures(), canonical.signaturesUnderRoot(), canonical.rootName(),
                canonical.encoding());
    }

    /**
     * What {@link #standIn} read.
     *
     * @param xml                 the stand-in document, UTF-8
     * @param signatures          the ds:Signature elements in the document, at any depth
     * @param signaturesUnderRoot those that are children of the root
     * @param rootName            the root's qualified name
     * @param encoding            the document's encoding as the parser read it
     */
    public record StandIn(byte[] xml, int signatures, int signaturesUnderRoot, String rootName, String encoding) {
    }

    /**
     * The digest of the document less its comments and the ds:Signature elements under its root (what a
     * reference to "" with the enveloped-signature transform selects), canonicalized with
     * {@code canonicalization} (an algorithm URI {@link #canonicalizes} accepts), by the JDK's
     * {@code digestAlgorithm}, with what signer's reading of the document checks on the way.
     *
     * @param ids the Ids the signature's own references name
     */
    public static Digest digest(Path file, String canonicalization, String digestAlgorithm, Set<String> ids) {
        CanonicalXml.Method method = METHODS.get(canonicalization);
        if (method == null) {
            throw new IllegalArgumentException("not a canonicalization of the whole document: " + canonicalization);
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(e);
        }
        CanonicalXml canonical = new CanonicalXml(writer(new DigestOutputStream(OutputStream.nullOutputStream(), digest)), method, false);
        DocumentScan scan = new DocumentScan(canonical, ids);
        SafeXml.read(file, scan);
        return new Digest(digest.digest(), scan.commentSplits(), scan.cdataSplits(), Map.copyOf(scan.carriersOutside()),
                Map.copyOf(scan.carriersOutside().keySet().stream().collect(
                        java.util.stream.Collectors.toMap(id -> id, scan::carrierName))));
    }

    /**
     * What {@link #digest} found.
     *
     * @param value          the digest
     * @param commentSplits  the first element whose text a comment splits, or null
     * @param cdataSplits    the first element whose text a CDATA section sits beside, or null
     * @param carriers       for each of the signature's Ids carried outside it, by how many elements
     * @param carrierNames   for each of those Ids, the name of one such element
     */
    public record Digest(byte[] value, String commentSplits, String cdataSplits, Map<String, Integer> carriers,
                         Map<String, String> carrierNames) {
    }

    /**
     * Where the root's end tag of {@code file} starts: the last {@code </rootName}, after which the file
     * holds only the end of that tag, white space, comments and processing instructions. The signature
     * is put in there.
     *
     * @throws SignerException BAD_INPUT, problem {@code xml.large.tail}, when the end cannot be found so
     */
    public static long rootEnd(Path file, String rootName) {
        byte[] end = ("</" + rootName).getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int window = (int) Math.min(length, 1 << 16);
            byte[] tail = new byte[window];
            in.seek(length - window);
            in.readFully(tail);
            for (int at = window - end.length; at >= 0; at--) {
                if (matches(tail, at, end) && onlyMiscAfter(tail, at + end.length)) {
                    return length - window + at;
                }
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.tail", file.toString(), rootName));
    }

    private static boolean matches(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes} from {@code at} are white space, {@code >}, then only XML's Misc (comments, PIs, white space). */
    private static boolean onlyMiscAfter(byte[] bytes, int at) {
        int i = at;
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        if (i == bytes.length || bytes[i] != '>') {
            return false;
        }
        i++;
        String rest = new String(bytes, i, bytes.length - i, StandardCharsets.UTF_8);
        return rest.matches("(?s)(\\s|<!--((?!--).)*-->|<\\?((?!\\?>).)*\\?>)*");
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * Writes {@code file} with {@code signature} (UTF-8 bytes of one element) inserted at {@code at}, the
     * start of its root's end tag: the document is copied as it is, byte for byte.
     */
    public static void writeWithSignature(Path file, long at, byte[] signature, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, out, at);
            out.write(signature);
            in.transferTo(out);
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the document ended before byte " + count);
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static BufferedWriter writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
