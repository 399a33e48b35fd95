package vn.signer.net;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Which addresses count as public. The rest (loopback, link-local, private, carrier-grade NAT,
 * unique-local IPv6, multicast, reserved) reach the machine itself or its internal network, where a
 * document's author must not be able to send the verifier.
 */
final class PublicAddresses {
    private PublicAddresses() {
    }

    /** Why {@code address} is not public, or null when it is. */
    static String whyNot(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240 || first == 100 && (second & 0xc0) == 64
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18) {
                return "a reserved or shared address";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "a unique-local address";
        } else if (embedsIpv4(b)) {
            // ::a.b.c.d and NAT64's 64:ff9b::a.b.c.d reach the IPv4 address they carry.
            return whyNot(ipv4(b));
        }
        return null;
    }

    private static boolean embedsIpv4(byte[] b) {
        boolean compatible = true;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
            nat64 &= i < 4 || b[i] == 0;
        }
        return compatible || nat64;
    }

    private static InetAddress ipv4(byte[] b) {
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
