package vn.signer.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class DistinguishedNameTest {

    @Test
    void readsVietnameseNames() {
        DistinguishedName name = DistinguishedName.of(new X500Principal("CN=Đặng Thị Phượng,O=Sở Khoa học"));
        assertEquals("Đặng Thị Phượng", name.commonName());
        assertEquals("Sở Khoa học", name.organization());
    }

    /** XmlVerificationFuzzTest's finding: a signature's certificate whose CN is a UTF8String of bytes that are not UTF-8. */
    @Test
    void namesACertificateWhoseUtf8StringIsNotUtf8() {
        byte[] der = {
            0x30, 0x0e, // Name: SEQUENCE
            0x31, 0x0c, // RelativeDistinguishedName: SET
            0x30, 0x0a, // AttributeTypeAndValue: SEQUENCE
            0x06, 0x03, 0x55, 0x04, 0x03, // commonName
            0x0c, 0x03, 'a', (byte) 0xc3, 0x28, // UTF8String "a", then C3 28, which is not UTF-8
        };
        DistinguishedName name = DistinguishedName.of(new X500Principal(der));
        assertTrue(name.text().startsWith("CN=a"), name.text());
        assertTrue(name.text().contains("\uFFFD"), name.text());
        assertNull(name.commonName());
    }
}
