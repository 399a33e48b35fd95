package vn.signer.document;

import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * An XML document larger than this process's memory can sign or verify: DSS's XAdES works on the
 * whole tree of the document, several copies of it at once, so an XML past {@link SafeXml#largestForHeap}
 * would end in the JVM running out of memory part way. Its own type, so that a front end can say so in
 * its own language and name its own way of giving the JVM more memory.
 */
public final class XmlTooLarge extends SignerException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final long size;
    private final long limit;

    XmlTooLarge(String name, long size, long limit) {
        super(ErrorCode.BAD_INPUT, name + ": the XML is " + megabytes(size) + " MB, more than the " + megabytes(limit)
                + " MB this process can sign or verify with " + megabytes(Runtime.getRuntime().maxMemory())
                + " MB of memory (XML takes about " + SafeXml.HEAP_PER_BYTE + " times its size while it is worked on)",
                "give the Java VM more memory, or split the document");
        this.name = name;
        this.size = size;
        this.limit = limit;
    }

    /** The document, as it was named. */
    public String name() {
        return name;
    }

    /** Its size, in bytes. */
    public long size() {
        return size;
    }

    /** The largest XML accepted, in bytes. */
    public long limit() {
        return limit;
    }

    /** {@code bytes} in megabytes (millions of bytes), to a tenth. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
