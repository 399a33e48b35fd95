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
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * Parses XML the only way signer accepts it: no DOCTYPE at all (so no entity expansion, no external
 * entity, no network or file access), no XInclude. Rejects anything else with a message that says
 * where the document is broken.
 */
public final class SafeXml {
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
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(in);
        } catch (SAXParseException e) {
            String what = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "it declares a DOCTYPE (DTDs and entities are refused for safety)"
                    : "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                            + ": " + e.getMessage();
            throw new SignerException(ErrorCode.BAD_INPUT, name + ": " + what,
                    "remove the DOCTYPE / fix the XML and try again");
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
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
