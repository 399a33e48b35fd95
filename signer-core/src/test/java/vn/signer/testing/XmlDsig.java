package vn.signer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.signer.document.SafeXml;

/**
 * Plain XMLDSig signatures (no XAdES properties) made from test keys by three independent
 * implementations: Apache Santuario's own XMLSignature API, the JDK's JSR 105 provider (for the
 * layouts .NET's SignedXml and the Vietnamese e-invoice systems write), and the xmlsec1 tool. Plus the
 * DOM plumbing the corpus of attacks needs.
 */
public final class XmlDsig {
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_MD5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";
    public static final String MD5 = "http://www.w3.org/2001/04/xmldsig-more#md5";
    public static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";

    static {
        org.apache.xml.security.Init.init();
    }

    private XmlDsig() {
    }

    /** Parses test XML the way signer does (no DOCTYPE, no entities). */
    public static Document parse(String xml) {
        return SafeXml.parse("test.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The document as bytes, exactly as the DOM holds it (no indenting, which would change signed text). */
    public static byte[] bytes(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first element named {@code localName} (any namespace) in document order. */
    public static Element first(Node in, String localName) {
        NodeList list = in instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) in).getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            throw new IllegalArgumentException("no element " + localName);
        }
        return (Element) list.item(0);
    }

    /** A deep copy of {@code element} without the signatures inside it: the content as its signer saw it. */
    public static Element copyWithoutSignatures(Element element) {
        Element copy = (Element) element.cloneNode(true);
        NodeList signatures = copy.getElementsByTagNameNS(DS, "Signature");
        for (int i = signatures.getLength() - 1; i >= 0; i--) {
            signatures.item(i).getParentNode().removeChild(signatures.item(i));
        }
        return copy;
    }

    // ---- Santuario ------------------------------------------------------------------------------

    /** A reference for {@link #santuario}: its URI and transforms (Santuario's transform URIs, XPath expressions as "xpath:EXPR"). */
    public record Ref(String uri, List<String> transforms, String digest) {
        public static Ref enveloped(String uri) {
            return new Ref(uri, List.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE, EXC_C14N), SHA256);
        }
    }

    /**
     * Signs with Apache Santuario's XMLSignature API, appending the signature to {@code parent}, the
     * certificate in KeyInfo/X509Data. Elements with an Id attribute are registered as IDs first.
     */
    public static Element santuario(Element parent, TestPki.Entity signer, String signatureMethod, List<Ref> refs) {
        Document document = parent.getOwnerDocument();
        registerIds(document.getDocumentElement());
        try {
            XMLSignature signature = new XMLSignature(document, "", signatureMethod, EXC_C14N);
            parent.appendChild(signature.getElement());
            for (Ref ref : refs) {
                Transforms transforms = new Transforms(document);
                for (String transform : ref.transforms()) {
                    if (transform.startsWith("xpath:")) {
                        XPathContainer xpath = new XPathContainer(document);
                        xpath.setXPathNamespaceContext("ds", DS);
                        xpath.setXPath(transform.substring("xpath:".length()));
                        transforms.addTransform(Transforms.TRANSFORM_XPATH, xpath.getElementPlusReturns());
                    } else {
                        transforms.addTransform(transform);
                    }
                }
                signature.addDocument(ref.uri(), transforms, ref.digest());
            }
            signature.addKeyInfo(signer.certificate());
            signature.sign(signer.key());
            return signature.getElement();
        } catch (XMLSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void registerIds(Element element) {
        if (element.hasAttributeNS(null, "Id")) {
            element.setIdAttributeNS(null, "Id", true);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                registerIds(e);
            }
        }
    }

    /**
     * An HMAC-SHA256 signature over {@code uri} (enveloped), its output cut to {@code outputBits}
     * (HMACOutputLength) when that is under 256: what CVE-2009-0217 forged. Santuario and the JDK
     * refuse to make a short one, so it is finished here: SignedInfo canonicalised and MACed by hand.
     */
    public static Element hmac(Element parent, byte[] key, int outputBits) {
        Document document = parent.getOwnerDocument();
        try {
            XMLSignature signature = new XMLSignature(document, "", HMAC_SHA256, EXC_C14N);
            parent.appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(EXC_C14N);
            signature.addDocument("", transforms, SHA256);
            signature.sign(signature.createSecretKey(key));
            if (outputBits < 256) {
                Element method = first(signature.getElement(), "SignatureMethod");
                Element length = document.createElementNS(DS, "ds:HMACOutputLength");
                length.setTextContent(Integer.toString(outputBits));
                method.appendChild(length);
                byte[] signedInfo = canonical(first(signature.getElement(), "SignedInfo"));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] full = mac.doFinal(signedInfo);
                byte[] cut = java.util.Arrays.copyOf(full, outputBits / 8);
                first(signature.getElement(), "SignatureValue").setTextContent(Base64.getEncoder().encodeToString(cut));
            }
            return signature.getElement();
        } catch (XMLSecurityException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(Element element) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(EXC_C14N).canonicalizeSubtree(element, out);
            return out.toByteArray();
        } catch (XMLSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the JDK's JSR 105 provider ----------------------------------------------------------------

    private static XMLSignatureFactory jdk() {
        try {
            // By name: with Santuario on the class path, "DOM" alone may give Santuario's provider.
            return XMLSignatureFactory.getInstance("DOM", "XMLDSig");
        } catch (java.security.NoSuchProviderException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The layout .NET's SignedXml writes for an enveloped signature: the default namespace (no ds:
     * prefix), Reference URI="" with the enveloped-signature transform then C14N, RSA-SHA256,
     * KeyInfo/X509Data/X509Certificate, appended as the root's last child.
     */
    public static Element dotNetStyle(Document document, TestPki.Entity signer) {
        try {
            XMLSignatureFactory f = jdk();
            Reference ref = f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            f.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo info = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(RSA_SHA256, null), List.of(ref));
            KeyInfoFactory keys = f.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(signer.certificate()))));
            DOMSignContext context = new DOMSignContext(signer.key(), document.getDocumentElement());
            context.setDefaultNamespacePrefix("");
            f.newXMLSignature(info, keyInfo).sign(context);
            return (Element) document.getDocumentElement().getLastChild();
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An e-invoice signature as Circular 78/2021 systems lay it out, appended to {@code parent} (e.g.
     * DSCKS/NBan): default namespace, inclusive C14N 1.0, RSA-SHA256, two references by Id without
     * transforms (the {@code data} element and an Object/SignatureProperties/SignatureProperty holding
     * SigningTime in local time without a zone), KeyInfo with the subject name and the certificate.
     */
    public static Element eInvoice(Element parent, Element data, TestPki.Entity signer, String signatureId,
                                   String localSigningTime) {
        return eInvoice(parent, data, signer, signatureId, localSigningTime, false);
    }

    /** The same, the second reference naming the Object that holds the SignatureProperties (as some systems do) when {@code byObject}. */
    public static Element eInvoice(Element parent, Element data, TestPki.Entity signer, String signatureId,
                                   String localSigningTime, boolean byObject) {
        try {
            Document document = parent.getOwnerDocument();
            XMLSignatureFactory f = jdk();
            DigestMethod sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
            String propertyId = signatureId + "-SigningTime";
            Element time = document.createElementNS(DS, "SigningTime");
            time.setTextContent(localSigningTime);
            SignatureProperty property = f.newSignatureProperty(List.of(new DOMStructure(time)), "#" + signatureId, propertyId);
            SignatureProperties properties = f.newSignatureProperties(List.of(property), null);
            String objectId = signatureId + "-Object";
            XMLObject object = f.newXMLObject(List.of(properties), byObject ? objectId : null, null, null);
            List<Reference> refs = List.of(f.newReference("#" + data.getAttribute("Id"), sha256),
                    f.newReference("#" + (byObject ? objectId : propertyId), sha256));
            SignedInfo info = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(RSA_SHA256, null), refs);
            KeyInfoFactory keys = f.getKeyInfoFactory();
            X509Certificate cert = signer.certificate();
            List<Object> x509 = new ArrayList<>(List.of(cert.getSubjectX500Principal().getName(), cert));
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(x509)));
            DOMSignContext context = new DOMSignContext(signer.key(), parent);
            context.setDefaultNamespacePrefix("");
            context.setIdAttributeNS(data, null, "Id");
            f.newXMLSignature(info, keyInfo, List.of(object), signatureId, null).sign(context);
            return (Element) parent.getLastChild();
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- xmlsec1 ---------------------------------------------------------------------------------

    /**
     * Signs {@code template} (a document holding a signature template with empty DigestValue and
     * SignatureValue and an empty X509Data) with the real {@code xmlsec1 --sign}.
     */
    public static byte[] xmlsec1(String template, TestPki.Entity signer, Path folder) {
        try {
            Files.createDirectories(folder);
            Path key = folder.resolve("xmlsec1-key.pem");
            Path cert = folder.resolve("xmlsec1-cert.pem");
            Path in = folder.resolve("xmlsec1-template.xml");
            Path out = folder.resolve("xmlsec1-signed.xml");
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(signer.key().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(cert, TestPki.pem(signer.certificate()));
            Files.writeString(in, template, StandardCharsets.UTF_8);
            Tools.check(Tools.run(List.of("xmlsec1", "--sign", "--privkey-pem", key + "," + cert,
                    "--output", out.toString(), in.toString())), "xmlsec1 --sign");
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
