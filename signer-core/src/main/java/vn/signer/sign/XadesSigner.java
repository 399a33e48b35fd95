package vn.signer.sign;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.EnvelopedSignatureTransform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.document.SafeXml;
import vn.signer.largexml.LargeXml;
import vn.signer.largexml.PrecomputedDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/** XAdES signatures: enveloped by default, enveloping or detached on request. */
final class XadesSigner implements FormatSigner {
    /** The whole-document reference's canonicalization on the streaming path: exclusive, as DSS's default. */
    private static final String CANONICALIZATION = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** The names an encoding the streaming path copies as UTF-8 goes by (ASCII is a part of it). */
    private static final Set<String> UTF8 = Set.of("UTF-8", "UTF8", "US-ASCII", "ASCII");
    private final XAdESService service;

    XadesSigner(CertificateVerifier verifier, SigningServices services) {
        service = new XAdESService(verifier);
        if (services.timestamps() != null) {
            service.setTspSource(services.timestamps());
        }
    }

    @Override
    public PreparedFormat prepare(DSSDocument document, List<X509Certificate> chain, SignatureOptions options,
                            Date signingTime, Path output) {
        XAdESSignatureParameters parameters = parameters(chain, options, signingTime);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return PreparedFormat.of(toBeSigned,
                value -> SignedOutput.of(service.signDocument(document, parameters, value), () -> { }), () -> { });
    }

    /**
     * Prepares {@code file}, too large for DSS's tree in this heap, for an enveloped signature: its reference
     * to "" is digested by streaming, DSS builds the signature in a stand-in holding only the root, and the
     * signed document is the file copied with that signature before the root's end tag.
     *
     * @throws SignerException BAD_INPUT: xml.tooLarge (enveloping or detached), xml.large.level (LTA), xml.large.signed,
     *                         xml.large.encoding, xml.large.tail
     */
    PreparedFormat prepareLarge(Path file, List<X509Certificate> chain, SignatureOptions options, Date signingTime) {
        long size = Documents.size(file);
        if (options.xmlPackaging() != XmlPackaging.ENVELOPED) {
            SafeXml.requireWithin(file.toString(), size, SafeXml.largestForHeap());
        }
        if (options.level() == Level.LTA) {
            // The archive timestamp covers each reference's canonical octets, which the stream only digests.
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.level", file, SafeXml.megabytes(size), options.level()));
        }
        LargeXml.StandIn standIn = LargeXml.standIn(file);
        if (standIn.signatures() > 0) {
            // A second enveloped signature would digest the first: the streaming verification takes one only.
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.signed", file, SafeXml.megabytes(size),
                    standIn.signatures()));
        }
        if (standIn.encoding() != null && !UTF8.contains(standIn.encoding().toUpperCase(Locale.ROOT))) {
            throw new SignerException(ErrorCode.BAD_INPUT, Problem.of("xml.large.encoding", file, SafeXml.megabytes(size),
                    standIn.encoding()));
        }
        long rootEnd = LargeXml.rootEnd(file, standIn.rootName());
        XAdESSignatureParameters parameters = parameters(chain, options, signingTime);
        DigestAlgorithm algorithm = parameters.getDigestAlgorithm();
        byte[] digest = LargeXml.digest(file, CANONICALIZATION, algorithm.getJavaName(), Set.of()).value();
        DigestDocument contents = new DigestDocument(algorithm, Base64.getEncoder().encodeToString(digest),
                file.getFileName().toString());
        contents.setMimeType(MimeTypeEnum.XML);
        DSSReference reference = new DSSReference();
        reference.setId("r-" + parameters.getDeterministicId() + "-1");
        reference.setUri("");
        reference.setContents(contents);
        reference.setDigestMethodAlgorithm(algorithm);
        reference.setTransforms(List.of(new EnvelopedSignatureTransform(), new CanonicalizationTransform(CANONICALIZATION)));
        parameters.setReferences(List.of(reference));
        DSSDocument stand = new InMemoryDocument(standIn.xml(), file.getFileName().toString());
        ToBeSigned toBeSigned = PrecomputedDigest.during(digest, () -> service.getDataToSign(stand, parameters));
        return PreparedFormat.of(toBeSigned, value -> {
            DSSDocument signed = PrecomputedDigest.during(digest, () -> service.signDocument(stand, parameters, value));
            byte[] signature = signatureOf(signed);
            return SignedOutput.streamed(out -> LargeXml.writeWithSignature(file, rootEnd, signature, out));
        }, () -> { });
    }

    /**
     * The signature element of the signed stand-in, as DSS wrote it: the stand-in's root holds nothing
     * else, and no tag's attribute values hold a {@code <}, so it runs from the first {@code <} after the
     * root's start tag to the root's end tag.
     */
    private static byte[] signatureOf(DSSDocument signed) {
        byte[] bytes = DSSUtils.toByteArray(signed);
        String xml = new String(bytes, StandardCharsets.UTF_8);
        int root = xml.startsWith("<?xml") ? xml.indexOf('<', xml.indexOf("?>")) : xml.indexOf('<');
        int start = xml.indexOf('<', root + 1);
        int end = xml.lastIndexOf("</");
        if (root < 0 || start < 0 || end <= start || !xml.startsWith("Signature", xml.indexOf(':', start) + 1)) {
            throw new IllegalStateException("DSS wrote no signature where signer puts it in the document");
        }
        return xml.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    private XAdESSignatureParameters parameters(List<X509Certificate> chain, SignatureOptions options, Date signingTime) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(options.level()));
        parameters.setSignaturePackaging(switch (options.xmlPackaging()) {
            case ENVELOPED -> SignaturePackaging.ENVELOPED;
            case ENVELOPING -> SignaturePackaging.ENVELOPING;
            case DETACHED -> SignaturePackaging.DETACHED;
        });
        DssParameters.applyCommon(parameters, chain, options, signingTime);
        return parameters;
    }

    @Override
    public DSSDocument extend(DSSDocument document, Level level) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(level));
        return service.extendDocument(document, parameters);
    }

    private static SignatureLevel dssLevel(Level level) {
        return switch (level) {
            case B -> SignatureLevel.XAdES_BASELINE_B;
            case T -> SignatureLevel.XAdES_BASELINE_T;
            case LT -> SignatureLevel.XAdES_BASELINE_LT;
            case LTA -> SignatureLevel.XAdES_BASELINE_LTA;
        };
    }

    @Override
    public String levelName(Level level) {
        return dssLevel(level).toString();
    }
}
