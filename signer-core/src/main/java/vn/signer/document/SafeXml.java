package vn.signer.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * Parses XML the only way signer accepts it: no DOCTYPE at all (so no entity expansion, no external
 * entity, no network or file access), no XInclude, at most {@link #MAX_DEPTH} elements deep and
 * {@link #MAX_ATTRIBUTES} attributes on one element. Rejects anything else with a message that says
 * where the document is broken or which limit it passed.
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

    /** Checks that {@code file} is well-formed XML without a DOCTYPE. */
    public static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new SignerException(ErrorCode.IO, file + ": cannot read: " + e.getMessage(), null, e);
        }
    }

    /** Checks that {@code xml}, received in memory and named {@code name} in errors, is well-formed XML without a DOCTYPE. */
    public static Document parse(String name, byte[] xml) {
        try {
            return parse(name, new ByteArrayInputStream(xml));
        } catch (IOException e) {
            // Nothing is read from a device here: a failure is the parser's reading of these bytes.
            throw new SignerException(ErrorCode.BAD_INPUT, name + ": unreadable XML: " + e.getMessage(),
                    "check the document's encoding", e);
        }
    }

    public static Document parse(String name, InputStream in) throws IOException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(THROW);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(in);
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(JDK_LIMIT)) {
                throw new SignerException(ErrorCode.BAD_INPUT, name + ": the XML passes a limit signer sets at line "
                        + e.getLineNumber() + ", column " + e.getColumnNumber() + " (at most " + MAX_DEPTH
                        + " elements deep and " + MAX_ATTRIBUTES + " attributes on an element): " + message,
                        "such a document is refused for safety; real documents stay far below these limits");
            }
            if (message.contains("DOCTYPE")) {
                throw new SignerException(ErrorCode.BAD_INPUT,
                        name + ": it declares a DOCTYPE (DTDs and entities are refused for safety)",
                        "remove the DOCTYPE and entity declarations");
            }
            throw new SignerException(ErrorCode.BAD_INPUT, name + ": not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + message, "fix the XML and try again");
        } catch (SAXException e) {
            throw new SignerException(ErrorCode.BAD_INPUT, name + ": unsafe or invalid XML: " + e.getMessage(),
                    "remove the DOCTYPE and entity declarations");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
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
