package vn.signer.largexml;

import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A SAX handler that also receives comments and CDATA boundaries (SafeXml passes a LexicalHandler
 * those), and ignores the DTD and entity events, which a document SafeXml accepts never has.
 */
abstract class SaxEvents extends DefaultHandler implements LexicalHandler {
    @Override
    public void startDTD(String name, String publicId, String systemId) {
        // SafeXml refuses every DOCTYPE before this is reached.
    }

    @Override
    public void endDTD() {
        // As startDTD.
    }

    @Override
    public void startEntity(String name) {
        // Only the predefined entities exist without a DTD; their text arrives as characters.
    }

    @Override
    public void endEntity(String name) {
        // As startEntity.
    }

    @Override
    public void startCDATA() {
        // C14N writes a CDATA section as the text it holds.
    }

    @Override
    public void endCDATA() {
        // As startCDATA.
    }
}
