package vn.signer.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
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
        } else if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        return null;
    }
}
