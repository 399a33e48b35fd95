package vn.signer.net;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which literal addresses the gate counts as public: those a document may send the server to. */
class PublicAddressesTest {
    @Test
    void theMachineItselfAndInternalNetworksAreNotPublic() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.16.0.1",
            "172.31.255.254", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "192.0.0.8",
            "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1",
            "fd12:3456::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::127.0.0.1", "::10.0.0.1",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe"}) {
            assertNotNull(PublicAddresses.whyNot(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void publicAddressesArePublic() throws UnknownHostException {
        for (String address : new String[] {"8.8.8.8", "1.1.1.1", "203.162.4.190", "100.128.0.1", "172.32.0.1",
            "2001:4860:4860::8888", "64:ff9b::808:808", "::ffff:8.8.8.8"}) {
            assertNull(PublicAddresses.whyNot(InetAddress.getByName(address)), address);
        }
    }
}
