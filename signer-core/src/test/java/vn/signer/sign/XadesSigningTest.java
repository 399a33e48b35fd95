package vn.signer.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.signer.document.DocumentFormat;
import vn.signer.document.SafeXml;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.SigningKey;
import vn.signer.testing.DemoPki;
import vn.signer.testing.Samples;
import vn.signer.testing.SoftHsm;
import vn.signer.testing.TestPki;
import vn.signer.testing.Tools;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.SignatureReport;
import vn.signer.verify.VerificationReport;
import vn.signer.verify.VerificationSettings;
import vn.signer.verify.Verdict;
import vn.signer.report.Words;

/**
 * XAdES signing of the sample hồ sơ in each packaging with a PKCS#12 key and PKCS#11 RSA and EC keys,
 * checked by signer's verifier and independently by xmlsec1; tampering; Vietnamese text kept intact.
 */
@Tag("native")
class XadesSigningTest {
    private static final String APPLICANT = "Nguyễn Văn Hùng";

    @TempDir
    Path dir;

    /** The keys XML is signed with. */
    enum Key {
        PKCS12_RSA("Đặng Thị Phượng"), PKCS11_RSA("Đặng Thị Phượng"), PKCS11_EC("Trần Thị Ánh");

        final String commonName;

        Key(String commonName) {
            this.commonName = commonName;
        }

        KeySource open() {
            return this == PKCS12_RSA ? DemoPki.openP12(DemoPki.officerP12()) : DemoPki.openToken();
        }

        SigningKey select(KeySource source) {
            return source.key(switch (this) {
                case PKCS12_RSA -> KeySelector.only();
                case PKCS11_RSA -> DemoPki.officerOnToken();
                case PKCS11_EC -> KeySelector.label(SoftHsm.EC_LABEL);
            });
        }

        /** The PKI that issued the key's certificate: the EC key's is a TestPki, the others the demo PKI. */
        TestPki testPki() {
            return this == PKCS11_EC ? SoftHsm.token().ecPki() : null;
        }
    }

    static List<Arguments> keysAndPackagings() {
        List<Arguments> all = new ArrayList<>();
        for (Key key : Key.values()) {
            for (XmlPackaging packaging : XmlPackaging.values()) {
                all.add(Arguments.of(key, packaging));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keysAndPackagings")
    void signatureIsValidForSignerAndXmlsec1(Key key, XmlPackaging packaging) throws IOException {
        Path input = Samples.xml(dir);
        byte[] before = Samples.bytes(input);
        Path output = dir.resolve(packaging == XmlPackaging.DETACHED ? "ho-so.sig.xml" : "ho-so-signed.xml");
        SignOutcome outcome = sign(key, packaging, input, output);
        assertEquals(DocumentFormat.XML, outcome.format());
        assertEquals("XAdES-BASELINE-B", outcome.level());
        assertArrayEquals(before, Samples.bytes(input), "the input must not change");
        Samples.assertNoTemporaryFiles(dir);

        VerificationReport report = verify(key, packaging, output, input);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        assertEquals(1, report.signatures().size(), report.toString());
        SignatureReport signature = report.signatures().get(0);
        assertEquals(Verdict.VALID, signature.verdict(), signature.toString());
        assertEquals("XAdES", signature.format());
        assertEquals("XAdES-BASELINE-B", signature.level());
        assertEquals(key.commonName, signature.signer().commonName());
        assertEquals(List.of(), signature.reasons());
        assertEquals(key == Key.PKCS11_EC ? "ECDSA_SHA256" : "RSA_SHA256", signature.signatureAlgorithm());
        if (packaging == XmlPackaging.ENVELOPED) {
            assertTrue(signature.coversWholeDocument(), signature.toString());
        }
        if (packaging != XmlPackaging.DETACHED) {
            assertXmlsec1Accepts(key, output);
        }

        String signed = Files.readString(output, StandardCharsets.UTF_8);
        if (packaging == XmlPackaging.ENVELOPED) {
            assertTrue(signed.contains(APPLICANT), "Vietnamese text must survive signing");
            assertTrue(signed.contains(Normalizer.normalize(APPLICANT, Normalizer.Form.NFC)));
            assertFalse(signed.contains(Normalizer.normalize(APPLICANT, Normalizer.Form.NFD)), "text must stay NFC");
            assertTrue(signed.contains("<HoSoThuTucHanhChinh xmlns=\"urn:signer:demo:hoso:1.0\">"), "the root stays as it was");
        } else if (packaging == XmlPackaging.ENVELOPING) {
            // DSS puts the document, base64-encoded, into the signature's ds:Object: byte for byte the input.
            NodeList objects = SafeXml.parse(output).getElementsByTagNameNS(XMLSignature.XMLNS, "Object");
            Element content = null;
            for (int i = 0; i < objects.getLength(); i++) {
                Element object = (Element) objects.item(i);
                if (object.getElementsByTagName("*").getLength() == 0) { // not the XAdES QualifyingProperties
                    content = object;
                }
            }
            assertTrue(content != null, "no ds:Object with the document");
            assertArrayEquals(before, Base64.getMimeDecoder().decode(content.getTextContent().strip()));
        } else {
            assertFalse(signed.contains(APPLICANT), "a detached signature does not hold the document");
            assertTrue(signed.contains("thong-tin-ho-so.xml"), "a detached signature refers to the document by name");
        }
    }

    @Test
    void oneCharacterChangedInTheSignedXmlMakesTheSignatureInvalid() throws IOException {
        Path input = Samples.xml(dir);
        Path output = dir.resolve("signed.xml");
        sign(Key.PKCS12_RSA, XmlPackaging.ENVELOPED, input, output);
        String signed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(1, Samples.count(signed, APPLICANT));
        Path tampered = Files.writeString(dir.resolve("tampered.xml"), signed.replace(APPLICANT, "Nguyễn Văn Hưng"),
                StandardCharsets.UTF_8);

        SignatureReport signature = onlySignature(verify(Key.PKCS12_RSA, XmlPackaging.ENVELOPED, tampered, null));
        assertEquals(Verdict.INVALID, signature.verdict(), signature.toString());
        assertEquals("HASH_FAILURE", signature.subIndication());
        assertTrue(Words.ENGLISH.texts(signature.reasons()).stream().anyMatch(r -> r.contains("changed after signing")), signature.reasons().toString());
        Tools.Result xmlsec1 = Tools.xmlsec1Verify(tampered, DemoPki.rootPem(), DemoPki.issuingCaPem());
        assertNotEquals(0, xmlsec1.exitCode(), xmlsec1.all());
    }

    @Test
    void aChangedDetachedDocumentMakesTheSignatureInvalid() throws IOException {
        Path input = Samples.xml(dir);
        Path signature = dir.resolve("ho-so.sig.xml");
        sign(Key.PKCS12_RSA, XmlPackaging.DETACHED, input, signature);
        Files.writeString(input, Files.readString(input, StandardCharsets.UTF_8).replace("0900000000", "0900000001"),
                StandardCharsets.UTF_8);

        SignatureReport report = onlySignature(verify(Key.PKCS12_RSA, XmlPackaging.DETACHED, signature, input));
        assertEquals(Verdict.INVALID, report.verdict(), report.toString());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static SignOutcome sign(Key key, XmlPackaging packaging, Path input, Path output) {
        try (KeySource source = key.open()) {
            return DocumentSigner.create(key.select(source), SignatureOptions.builder().xmlPackaging(packaging).build())
                    .sign(input, output, false);
        }
    }

    private VerificationReport verify(Key key, XmlPackaging packaging, Path signed, Path detached) {
        TestPki pki = key.testPki();
        VerificationSettings base = pki == null ? DemoPki.settings() : DemoPki.settings(pki, dir.resolve("pki"));
        VerificationSettings settings = packaging != XmlPackaging.DETACHED ? base
                : VerificationSettings.builder().trust(base.trustAnchors()).intermediates(base.intermediates())
                        .crlFiles(base.crlFiles()).offline(true).detachedContents(List.of(detached)).build();
        return DocumentVerifier.create(settings).verify(signed);
    }

    private void assertXmlsec1Accepts(Key key, Path signed) {
        TestPki pki = key.testPki();
        Tools.Result result;
        if (pki == null) {
            result = Tools.xmlsec1Verify(signed, DemoPki.rootPem(), DemoPki.issuingCaPem());
        } else {
            TestPki.PkiFiles files = pki.written(dir.resolve("pki"));
            result = Tools.xmlsec1Verify(signed, files.rootPem(), files.issuingCaPem());
        }
        assertEquals(0, result.exitCode(), "xmlsec1 rejects " + signed + ":\n" + result.all());
        assertTrue(result.all().contains("OK"), result.all());
    }

    private static SignatureReport onlySignature(VerificationReport report) {
        assertEquals(1, report.signatures().size(), report.toString());
        return report.signatures().get(0);
    }
}
