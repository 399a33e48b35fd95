package vn.signer.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * Parses XML the only way signer accepts it: no DOCTYPE at all (so no entity expansion, no external
 * entity, no network or file access), no XInclude, at most {@link #MAX_DEPTH} elements deep and
 * {@link #MAX_ATTRIBUTES} attributes on one element. Rejects anything else with a message that says
 * where the document is broken or which limit it passed.
 *
 * <p>Its size is bounded too, by the heap: an XML over {@link #largestForHeap} is refused with
 * a {@code xml.tooLarge} problem before it is read, instead of the JVM running out of memory while DSS works on it.
 * {@link #check} and {@link #read(Path, DefaultHandler)} read a document through without building its tree, at any
 * size: signing and verifying a larger XML goes through them (vn.signer.largexml).
 *
 * <p>The limits are far above real documents (an e-invoice is about ten elements deep, edXML about
 * twenty) and far below what breaks the code after this parse: DSS, Santuario and canonicalisation
 * walk the tree recursively, and a document nested 100,000 deep ends their thread's stack.
 */
public final class SafeXml {
    /** The deepest element nesting accepted. */
    public static final int MAX_DEPTH = 256;
    /** The most attributes accepted on one element. */
    public static final int MAX_ATTRIBUTES = 256;
    /**
     * The heap an XML takes while it is signed or verified, in bytes per byte of the document: DSS's
     * XAdES holds its tree (each element a few DOM nodes of some tens of bytes) with canonical and
     * serialised copies of it. bench/xml-heap.sh found a 5 MB record set signed and verified in 90 MB of
     * heap, the JVM's own included (bench/README.md): 18 a byte, rounded up.
     */
    public static final int HEAP_PER_BYTE = 20;
    /** The JDK's parser reports a limit passed with a message that starts with this code. */
    private static final String JDK_LIMIT = "JAXP0001";
    /** Reports every problem by exception instead of the parser's default of printing it (document text included). */
    private static final ErrorHandler THROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    /** The largest XML this JVM's heap can sign or verify, one document at a time. */
    public static long largestForHeap() {
        return Runtime.getRuntime().maxMemory() / HEAP_PER_BYTE;
    }

    /**
     * Refuses an XML document of {@code size} bytes, named {@code name}, over {@code limit} bytes.
     *
     * @throws SignerException BAD_INPUT, problem {@code xml.tooLarge}: the name, the size, the limit and the
     *                         heap in megabytes, {@link #HEAP_PER_BYTE}, and the gigabytes of heap it would need
     */
    public static void requireWithin(String name, long size, long limit) {
        if (size > limit) {
            long heap = Runtime.getRuntime().maxMemory();
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.tooLarge", name, megabytes(size), megabytes(limit),
                    megabytes(heap), HEAP_PER_BYTE, size * HEAP_PER_BYTE / 1_000_000_000L + 1));
        }
    }

    /** {@code bytes} in megabytes (millions of bytes), to a tenth. */
    public static double megabytes(long bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    /** Parses {@code file}, checked to be well-formed XML without a DOCTYPE, within the limits. */
    public static Document parse(Path file) {
        return read(file, SafeXml::parse);
    }

    /** Parses {@code xml}, received in memory and named {@code name} in errors: well-formed, no DOCTYPE, within the limits. */
    public static Document parse(String name, byte[] xml) {
        return read(name, xml, SafeXml::parse);
    }

    /**
     * Checks {@code file} as {@link #parse(Path)} does, without building its tree, and so whatever its size:
     * a document too large for a tree is refused where one would be built.
     */
    public static void check(Path file) {
        read(file, new DefaultHandler());
    }

    /**
     * Reads {@code file} through {@code handler} with the limits of {@link #parse(Path)} but size (SAX holds
     * no tree): comments and CDATA boundaries too when the handler is also a {@link LexicalHandler}.
     *
     * @throws SignerException BAD_INPUT (not well-formed, a DOCTYPE, a limit passed), IO
     */
    public static void read(Path file, DefaultHandler handler) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read(file.toString(), in, handler);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** Checks {@code xml} as {@link #parse(String, byte[])} does, without building its tree. */
    public static void check(String name, byte[] xml) {
        read(name, xml, SafeXml::check);
    }

    /** Parses XML read from {@code in}, named {@code name} in errors: well-formed, no DOCTYPE, within the limits but size. */
    public static Document parse(String name, InputStream in) throws IOException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(THROW);
            builder.setEntityResolver(SafeXml::refuseEntity);
            return builder.parse(in);
        } catch (SAXException e) {
            throw refusal(name, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    private static Void check(String name, InputStream in) throws IOException {
        read(name, in, new DefaultHandler());
        return null;
    }

    private static void read(String name, InputStream in, DefaultHandler handler) throws IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
            parser.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES));
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            XMLReader reader = parser.getXMLReader();
            reader.setContentHandler(handler);
            if (handler instanceof LexicalHandler lexical) {
                reader.setProperty("http://xml.org/sax/properties/lexical-handler", lexical);
            }
            reader.setErrorHandler(THROW);
            reader.setEntityResolver(SafeXml::refuseEntity);
            reader.parse(new InputSource(in));
        } catch (SAXException e) {
            throw refusal(name, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    /** What reads XML from a stream: {@link #parse(String, InputStream)} or {@link #check(String, InputStream)}. */
    private interface Reader<T> {
        T read(String name, InputStream in) throws IOException;
    }

    private static <T> T read(Path file, Reader<T> reader) {
        try {
            requireWithin(file.toString(), Files.size(file), largestForHeap());
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return reader.read(file.toString(), in);
            }
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, Problem.of("file.unreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    private static <T> T read(String name, byte[] xml, Reader<T> reader) {
        requireWithin(name, xml.length, largestForHeap());
        try {
            return reader.read(name, new ByteArrayInputStream(xml));
        } catch (IOException e) {
            // Nothing is read from a device here: a failure is the parser's reading of these bytes.
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.unreadable", name, String.valueOf(e.getMessage())), e);
        }
    }

    private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entity " + systemId + " refused");
    }

    /** The refusal of a document the parser stopped on, saying where it is broken or which limit it passed. */
    private static SignerException refusal(String name, SAXException refused) {
        if (refused instanceof SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(JDK_LIMIT)) {
                return new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.limit", name, e.getLineNumber(), e.getColumnNumber(),
                        MAX_DEPTH, MAX_ATTRIBUTES, message));
            }
            if (message.contains("DOCTYPE")) {
                return new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.doctype", name));
            }
            return new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.malformed", name, e.getLineNumber(), e.getColumnNumber(),
                    message));
        }
        return new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.unsafe", name, String.valueOf(refused.getMessage())));
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setAttribute("jdk.xml.elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES));
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
