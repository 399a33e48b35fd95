package vn.signer.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import vn.signer.report.Remark;

/**
 * The signature fields of a PDF as the file writes them, read without DSS: DSS passes over a
 * signature it cannot parse as if it were not there, so a document whose only signature is broken
 * would read as unsigned. Each field that holds a value is listed with what is wrong with it, if
 * anything, and the end of the revision it signs.
 */
final class PdfSignatureFields {
    private static final COSName BYTE_RANGE = COSName.getPDFName("ByteRange");
    private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
    private static final String RFC3161 = "ETSI.RFC3161";

    /** A signature or document timestamp, or a signature field whose value cannot be one. */
    enum Kind { SIGNATURE, DOCUMENT_TIMESTAMP }

    /**
     * @param name      the field's fully qualified name
     * @param kind      what the value claims to be
     * @param byteRange the four numbers of its /ByteRange, or null when it has no usable one
     * @param problem   what makes the value broken, or null when it looks well formed
     * @param contents  the signature value (/Contents), or null
     */
    record Field(String name, Kind kind, List<Long> byteRange, Remark problem, byte[] contents) {

        Field {
            byteRange = byteRange == null ? null : List.copyOf(byteRange);
        }

        /**
         * What is wrong with a value DSS did not read: its own problem, or that it is no CMS value. Only
         * then is the value decoded: DSS has decoded the others (a tenth of a small verification).
         */
        Remark problemUnread() {
            return problem != null || contents != null && isCms(contents) ? problem : Remark.of("pdf.broken.contents.notCms", name);
        }

        /** Whether DSS's byte range for a signature or timestamp is this field's. */
        boolean hasRange(List<java.math.BigInteger> range) {
            return byteRange != null && range != null && range.stream().map(java.math.BigInteger::longValue).toList()
                    .equals(byteRange);
        }
    }

    private PdfSignatureFields() {
    }

    /**
     * The fields of {@code document}, whose file is {@code file} ({@code length} bytes), that hold a value.
     * Two signature fields with one name are both broken: a decoy beside the genuine one would have each
     * reader (and each check) take a different field for the same signature.
     */
    static List<Field> read(PDDocument document, RandomAccessRead file, long length) throws IOException, FormFields.TooComplex {
        List<FormFields.Field> signatureFields = FormFields.all(document).stream()
                .filter(f -> COSName.SIG.equals(f.type())).toList();
        Set<String> names = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        signatureFields.forEach(f -> {
            if (!names.add(f.name())) {
                duplicated.add(f.name());
            }
        });
        List<Field> fields = new ArrayList<>();
        for (FormFields.Field field : signatureFields) {
            COSBase value = field.dictionary().getDictionaryObject(COSName.V);
            Field read;
            if (value instanceof COSDictionary signature) {
                read = check(field.name(), signature, file, length);
            } else if (value != null && !(value instanceof COSNull)) {
                read = new Field(field.name(), Kind.SIGNATURE, null, Remark.of("pdf.broken.value", field.name()), null);
            } else {
                read = duplicated.contains(field.name()) ? new Field(field.name(), Kind.SIGNATURE, null, null, null) : null;
            }
            if (read != null && duplicated.contains(field.name())) {
                read = new Field(read.name(), read.kind(), read.byteRange(), Remark.of("pdf.broken.duplicateName", field.name()),
                        read.contents());
            }
            if (read != null) {
                fields.add(read);
            }
        }
        return fields;
    }

    private static Field check(String name, COSDictionary signature, RandomAccessRead file, long length)
            throws IOException {
        Kind kind = RFC3161.equals(signature.getNameAsString(COSName.SUB_FILTER))
                || DOC_TIME_STAMP.equals(signature.getCOSName(COSName.TYPE)) ? Kind.DOCUMENT_TIMESTAMP : Kind.SIGNATURE;
        long[] range = byteRange(signature.getDictionaryObject(BYTE_RANGE), length);
        if (range == null) {
            return new Field(name, kind, null, Remark.of("pdf.broken.byteRange", name), null);
        }
        List<Long> numbers = List.of(range[0], range[1], range[2], range[3]);
        if (!(signature.getDictionaryObject(COSName.CONTENTS) instanceof COSString contents)
                || contents.getBytes().length == 0) {
            return new Field(name, kind, numbers, Remark.of("pdf.broken.contents.missing", name), null);
        }
        if (!onlySignatureValueLeftOut(file, range[1], range[2])) {
            return new Field(name, kind, numbers, Remark.of("pdf.broken.gap", name), null);
        }
        return new Field(name, kind, numbers, null, contents.getBytes());
    }

    /** Four non-negative integers: from the start of the file, a gap, then up to at most the end of the file. */
    private static long[] byteRange(COSBase value, long length) {
        if (!(value instanceof COSArray array) || array.size() != 4) {
            return null;
        }
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSInteger number) || number.longValue() < 0) {
                return null;
            }
            range[i] = number.longValue();
        }
        boolean ordered = range[0] == 0 && range[1] < range[2] && range[2] + range[3] <= length;
        return ordered ? range : null;
    }

    /**
     * Whether the bytes a byte range leaves out are exactly a hexadecimal string, the signature value:
     * anything else there (objects moved into the gap) is outside what was signed, yet read as part of
     * the document (a signature wrapping attack).
     */
    private static boolean onlySignatureValueLeftOut(RandomAccessRead file, long from, long to) throws IOException {
        if (to - from < 2) {
            return false;
        }
        file.seek(from);
        if (file.read() != '<') {
            return false;
        }
        byte[] buffer = new byte[8192];
        long left = to - from - 2;
        while (left > 0) {
            int n = file.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (Character.digit(buffer[i], 16) < 0) {
                    return false;
                }
            }
            left -= n;
        }
        return file.read() == '>';
    }

    /**
     * Whether the value is one encoded CMS SignedData. /Contents is zero-padded to its reserved size, so
     * one SEQUENCE followed by nothing but zeros is what a well-formed value looks like.
     */
    private static boolean isCms(byte[] contents) {
        int end = sequenceEnd(contents);
        if (end < 0) {
            return false;
        }
        for (int i = end; i < contents.length; i++) {
            if (contents[i] != 0) {
                return false;
            }
        }
        try {
            new CMSSignedData(contents);
            return true;
        } catch (CMSException | RuntimeException e) {
            // BouncyCastle reports malformed encodings by CMSException and by IllegalArgumentException or
            // ClassCastException alike: for a document's bytes, each means "not a CMS value".
            return false;
        }
    }

    /**
     * Where the outer SEQUENCE ends by its length header; the length of the whole value for an
     * indefinite length (BER, which ends with its own end-of-contents); -1 when it is no SEQUENCE.
     */
    private static int sequenceEnd(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first <= der.length ? 2 + first : -1;
        }
        if (first == 0x80) {
            return der.length;
        }
        int octets = first & 0x7f;
        if (octets > 4 || 2 + octets > der.length) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        long end = 2 + octets + length;
        return end <= der.length ? (int) end : -1;
    }
}
